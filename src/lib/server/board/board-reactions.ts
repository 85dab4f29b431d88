import { and, eq } from 'drizzle-orm';
import type { BoardReactionInput } from '$lib/sync/board-protocol';
import type { Database } from '../db/open-database';
import { boardPostReactions, boardPosts } from '../db/schema';
import type { DeviceIdentity } from '../devices';

/**
 * 'ignored': the post is not on the scheme's board (hidden, removed, withdrawn, or another
 * scheme's). A device's queued reaction then changes nothing, and is still done with: it must
 * never hold up the outbox behind it.
 */
export type ReactionOutcome = 'saved' | 'ignored';

/** Adds or takes back the person's reaction; saying the same twice changes nothing. */
export async function react(
	db: Database,
	identity: DeviceIdentity,
	postId: string,
	reaction: BoardReactionInput
): Promise<ReactionOutcome> {
	return db.transaction(async (tx) => {
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
}
