import type { ModeratedPost } from '$lib/protocol/coordinator/moderated-post';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../db/open-database';
import { boardPosts } from '../db/schema';
import { pageOf } from './board-page';
import { boardRows, postOf } from './board-rows';
import { noReactions, reactionCounts } from './reaction-counts';

/** A page of every post of the scheme, newest first, in whatever state, for moderation. */
export async function schemeBoard(
	db: Database,
	schemeId: string,
	options: { before: Date | null; limit: number }
): Promise<{ posts: ModeratedPost[]; more: boolean }> {
	const rows = await boardRows(
		db,
		and(
			eq(boardPosts.schemeId, schemeId),
			options.before ? lt(boardPosts.postedAt, options.before) : undefined
		)
	).limit(options.limit + 1);
	const { page, more } = pageOf(rows, options.limit);
	const counts = await reactionCounts(
		db,
		page.map((r) => r.id)
	);
	const posts = page.map((row) => ({
		...postOf(row),
		moderationReason: row.moderationReason,
		reactions: counts.get(row.id) ?? noReactions()
	}));
	return { posts, more };
}
