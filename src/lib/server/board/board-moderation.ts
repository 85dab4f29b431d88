import { and, eq, isNull, ne, type SQL } from 'drizzle-orm';
import type { BoardPostInput } from '$lib/protocol/board-protocol';
import type { Database } from '../db/open-database';
import { boardPostReactions, boardPosts } from '../db/schema';
import { schemeBoardFull, takeBoardTurn } from './board-limits';
import { postColumns, postedAtOf } from './board-posts';

/**
 * What a scheme's coordinators do to its board. Every change names the scheme, so a post of
 * another scheme is never touched; each answers whether the post was there to change.
 */

const ofScheme = (schemeId: string, postId: string) =>
	and(eq(boardPosts.id, postId), eq(boardPosts.schemeId, schemeId));

/** Changes a post of the scheme in the state given; answers whether there was one to change. */
async function moderate(
	db: Database,
	schemeId: string,
	postId: string,
	from: SQL,
	changes: Pick<typeof boardPosts.$inferInsert, 'status' | 'moderationReason' | 'moderatedAt'>
): Promise<boolean> {
	const changed = await db
		.update(boardPosts)
		.set(changes)
		.where(and(ofScheme(schemeId, postId), from))
		.returning({ id: boardPosts.id });
	return changed.length > 0;
}

/** Takes a post off the board for now; its author sees it hidden, with the reason. */
export function hidePost(
	db: Database,
	schemeId: string,
	postId: string,
	reason: string,
	now: Date
): Promise<boolean> {
	const changes = { status: 'hidden', moderationReason: reason, moderatedAt: now } as const;
	return moderate(db, schemeId, postId, ne(boardPosts.status, 'removed'), changes);
}

/** Puts a hidden post back on the board, reason and all forgotten. */
export function restorePost(
	db: Database,
	schemeId: string,
	postId: string,
	now: Date
): Promise<boolean> {
	const changes = { status: 'visible', moderationReason: null, moderatedAt: now } as const;
	return moderate(db, schemeId, postId, eq(boardPosts.status, 'hidden'), changes);
}

/**
 * Removes a post for good: its words are erased and its reactions deleted; the row stays, with
 * the reason, so the author is told why. Only the author can then delete it, by withdrawing.
 */
export async function removePost(
	db: Database,
	schemeId: string,
	postId: string,
	reason: string,
	now: Date
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const removed = await tx
			.update(boardPosts)
			.set({
				status: 'removed',
				text: '',
				title: '',
				url: '',
				why: '',
				moderationReason: reason,
				moderatedAt: now
			})
			.where(ofScheme(schemeId, postId))
			.returning({ id: boardPosts.id });
		if (removed.length === 0) return false;
		await tx.delete(boardPostReactions).where(eq(boardPostReactions.postId, postId));
		return true;
	});
}

/**
 * A coordinator pins an article or a thought of their own; resubmitting the form stores it
 * once. Refused (false) when the scheme's board already holds every post it may.
 */
export async function pinPost(
	db: Database,
	schemeId: string,
	coordinatorId: string,
	post: Extract<BoardPostInput, { kind: 'article' | 'thought' }>,
	now: Date
): Promise<boolean> {
	return db.transaction(async (tx) => {
		await takeBoardTurn(tx, schemeId);
		const [held] = await tx
			.select({ id: boardPosts.id })
			.from(boardPosts)
			.where(eq(boardPosts.id, post.id));
		if (held) return true;
		if (await schemeBoardFull(tx, schemeId)) return false;
		await tx.insert(boardPosts).values({
			id: post.id,
			schemeId,
			coordinatorId,
			...postColumns(post),
			showName: post.showName,
			postedAt: postedAtOf(post, now)
		});
		return true;
	});
}

/** Takes down a coordinator's pinned post outright (participants' posts are theirs to withdraw). */
export async function unpinPost(db: Database, schemeId: string, postId: string): Promise<boolean> {
	const deleted = await db
		.delete(boardPosts)
		.where(and(ofScheme(schemeId, postId), isNull(boardPosts.authorId)))
		.returning({ id: boardPosts.id });
	return deleted.length > 0;
}
