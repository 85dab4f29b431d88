import { and, eq } from 'drizzle-orm';
import type { BoardPostInput } from '$lib/protocol/board-protocol';
import type { Database } from '../db/open-database';
import { boardPosts } from '../db/schema';
import type { DeviceIdentity } from '../devices';
import { refused, type Outcome } from '../refusals';
import { authorLimitReached, schemeBoardFull, takeBoardTurn } from './board-limits';

export type PostOutcome = 'saved' | 'duplicate';

/** The columns a post fills: each kind only its own, the rest keep their empty defaults. */
export function postColumns(post: BoardPostInput) {
	switch (post.kind) {
		case 'win':
			return { kind: post.kind, text: post.text, wonOn: post.wonOn };
		case 'article':
			return { kind: post.kind, title: post.title, url: post.url, why: post.why };
		case 'thought':
			return { kind: post.kind, text: post.text };
	}
}

/**
 * When it was posted, by the author's clock, but never in the future: a phone whose clock runs
 * ahead must not keep its post at the top of everyone's board.
 */
export function postedAtOf(post: BoardPostInput, now: Date): Date {
	const at = new Date(post.postedAt);
	return at > now ? now : at;
}

/**
 * A participant's post, stored once by its id: a retry changes nothing (not even a post the
 * coordinator has since hidden or removed), and is never refused by a limit it already fits
 * in. An id someone else's post already has is refused.
 */
export async function savePost(
	db: Database,
	identity: DeviceIdentity,
	post: BoardPostInput,
	now: Date
): Promise<Outcome<PostOutcome>> {
	return db.transaction(async (tx) => {
		await takeBoardTurn(tx, identity.schemeId);
		const [held] = await tx
			.select({ authorId: boardPosts.authorId })
			.from(boardPosts)
			.where(eq(boardPosts.id, post.id));
		if (held) {
			return held.authorId === identity.participantId
				? { ok: true, value: 'duplicate' }
				: refused('not-yours', 'id', 'belongs to another post');
		}
		const full =
			(await authorLimitReached(tx, identity.participantId, now)) ??
			(await schemeBoardFull(tx, identity.schemeId));
		if (full) return full;
		await tx.insert(boardPosts).values({
			id: post.id,
			schemeId: identity.schemeId,
			authorId: identity.participantId,
			...postColumns(post),
			showName: post.showName,
			postedAt: postedAtOf(post, now),
			createdAt: now
		});
		return { ok: true, value: 'saved' };
	});
}

/**
 * The author withdraws their post: the row goes, and its reactions with it. Done whether or not
 * it was still there; a post of someone else's in the scheme is not theirs to withdraw, and
 * another scheme's is treated as not there.
 */
export async function withdrawPost(
	db: Database,
	identity: DeviceIdentity,
	postId: string
): Promise<Outcome<null>> {
	const deleted = await db
		.delete(boardPosts)
		.where(
			and(
				eq(boardPosts.id, postId),
				eq(boardPosts.schemeId, identity.schemeId),
				eq(boardPosts.authorId, identity.participantId)
			)
		)
		.returning({ id: boardPosts.id });
	if (deleted.length > 0) return { ok: true, value: null };
	const [other] = await db
		.select({ id: boardPosts.id })
		.from(boardPosts)
		.where(and(eq(boardPosts.id, postId), eq(boardPosts.schemeId, identity.schemeId)));
	return other ? refused('not-yours', 'postId') : { ok: true, value: null };
}
