import { and, eq, lt } from 'drizzle-orm';
import type { BoardPostKind, BoardPostStatus } from '$lib/domain/board';
import type { Database } from '../db/open-database';
import { boardPosts } from '../db/schema';
import { pageOf } from './board-page';
import { boardRows, shownName } from './board-rows';
import { noReactions, reactionCounts, type ReactionCounts } from './reaction-counts';

/** A post as the coordinator moderates it: every state, the name only as it is shown. */
export interface ModeratedPost {
	id: string;
	kind: BoardPostKind;
	text: string;
	title: string;
	url: string;
	why: string;
	wonOn: string | null;
	authorName: string | null;
	byCoordinator: boolean;
	postedAt: string;
	status: BoardPostStatus;
	moderationReason: string | null;
	reactions: ReactionCounts;
}

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
		id: row.id,
		kind: row.kind,
		text: row.text,
		title: row.title,
		url: row.url,
		why: row.why,
		wonOn: row.wonOn,
		authorName: shownName(row),
		byCoordinator: row.authorId === null,
		postedAt: row.postedAt.toISOString(),
		status: row.status,
		moderationReason: row.moderationReason,
		reactions: counts.get(row.id) ?? noReactions()
	}));
	return { posts, more };
}
