import { and, eq } from 'drizzle-orm';
import type { BoardReactionInput } from '$lib/protocol/board-protocol';
import type { Database } from '../db/open-database';
import { boardPostReactions, boardPosts } from '../db/schema';
import type { DeviceIdentity } from '../devices';
import type { Outcome } from '../refusals';
import { withinRate } from '../write-rate';

/**
 * 'ignored': the post is not on the scheme's board (hidden, removed, withdrawn, or another
 * scheme's). A device's queued reaction then changes nothing, and is still done with: it must
 * never hold up the outbox behind it.
 */
export type ReactionOutcome = 'saved' | 'ignored';

/**
 * Adds or takes back the person's reaction; saying the same twice changes nothing. Each person
 * may react only so often (a reaction per post is stored at most once of each kind anyway).
 */
export async function react(
	db: Database,
	identity: DeviceIdentity,
	postId: string,
	reaction: BoardReactionInput,
	now = new Date()
): Promise<Outcome<{ outcome: ReactionOutcome }>> {
	const rate = await withinRate(db, identity, 'reactions-per-hour', now);
	if (!rate.ok) return rate;
	const outcome = await db.transaction(async (tx): Promise<ReactionOutcome> => {
		// Shares the post's row lock, so it cannot be withdrawn or removed under the reaction.
		const [post] = await tx
			.select({ id: boardPosts.id })
			.from(boardPosts)
			.where(
				and(
					eq(boardPosts.id, postId),
					eq(boardPosts.schemeId, identity.schemeId),
					eq(boardPosts.status, 'visible')
				)
			)
			.for('share');
		if (!post) return 'ignored';
		const row = { postId, participantId: identity.participantId, reaction: reaction.reaction };
		if (reaction.on) {
			await tx.insert(boardPostReactions).values(row).onConflictDoNothing();
		} else {
			await tx
				.delete(boardPostReactions)
				.where(
					and(
						eq(boardPostReactions.postId, postId),
						eq(boardPostReactions.participantId, row.participantId),
						eq(boardPostReactions.reaction, row.reaction)
					)
				);
		}
		return 'saved';
	});
	return { ok: true, value: { outcome } };
}
