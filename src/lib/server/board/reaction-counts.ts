import { and, count, eq, inArray } from 'drizzle-orm';
import { boardReactions, type BoardReaction } from '$lib/domain/board';
import type { Database } from '../db/open-database';
import { boardPostReactions } from '../db/schema';

export type ReactionCounts = Record<BoardReaction, number>;

export const noReactions = (): ReactionCounts =>
	Object.fromEntries(boardReactions.map((r) => [r, 0])) as ReactionCounts;

/** How many of each reaction these posts have, counted by the database. */
export async function reactionCounts(
	db: Database,
	postIds: string[]
): Promise<Map<string, ReactionCounts>> {
	const counts = new Map<string, ReactionCounts>();
	if (postIds.length === 0) return counts;
	const rows = await db
		.select({
			postId: boardPostReactions.postId,
			reaction: boardPostReactions.reaction,
			n: count()
		})
		.from(boardPostReactions)
		.where(inArray(boardPostReactions.postId, postIds))
		.groupBy(boardPostReactions.postId, boardPostReactions.reaction);
	for (const { postId, reaction, n } of rows) {
		const post = counts.get(postId) ?? noReactions();
		post[reaction] = n;
		counts.set(postId, post);
	}
	return counts;
}

/** The reactions one person has given to these posts. */
export async function reactionsBy(
	db: Database,
	participantId: string,
	postIds: string[]
): Promise<Map<string, BoardReaction[]>> {
	const mine = new Map<string, BoardReaction[]>();
	if (postIds.length === 0) return mine;
	const rows = await db
		.select({ postId: boardPostReactions.postId, reaction: boardPostReactions.reaction })
		.from(boardPostReactions)
		.where(
			and(
				eq(boardPostReactions.participantId, participantId),
				inArray(boardPostReactions.postId, postIds)
			)
		);
	for (const { postId, reaction } of rows)
		mine.set(postId, [...(mine.get(postId) ?? []), reaction]);
	return mine;
}
