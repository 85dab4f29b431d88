import { and, eq, lt } from 'drizzle-orm';
import { boardLimits } from '$lib/domain/board';
import type { BoardListing, BoardPostForDevice } from '$lib/protocol/board-protocol';
import type { Database } from '../db/open-database';
import { boardPosts } from '../db/schema';
import type { DeviceIdentity } from '../devices';
import { pageOf } from './board-page';
import { boardRows, postOf } from './board-rows';
import { noReactions, reactionCounts, reactionsBy } from './reaction-counts';

/**
 * The board as one person's device reads it: the newest visible posts of their own scheme and,
 * on the first page, every post of their own in any state, with the coordinator's reason when
 * it was hidden or removed, so they are told why. Nobody else's hidden or removed post, ever.
 * `before` pages back through older visible posts.
 */
export async function boardListingFor(
	db: Database,
	identity: DeviceIdentity,
	options: { before: Date | null; limit?: number }
): Promise<BoardListing> {
	const limit = options.limit ?? boardLimits.postsKept;
	const inScheme = eq(boardPosts.schemeId, identity.schemeId);
	const [visible, own] = await Promise.all([
		boardRows(
			db,
			and(
				inScheme,
				eq(boardPosts.status, 'visible'),
				options.before ? lt(boardPosts.postedAt, options.before) : undefined
			)
		).limit(limit + 1),
		options.before
			? []
			: boardRows(db, and(inScheme, eq(boardPosts.authorId, identity.participantId)))
	]);
	const { page, more } = pageOf(visible, limit);
	const rows = new Map([...page, ...own].map((row) => [row.id, row]));
	const ids = [...rows.keys()];
	const [counts, mine] = await Promise.all([
		reactionCounts(db, ids),
		reactionsBy(db, identity.participantId, ids)
	]);
	const posts = [...rows.values()]
		.sort((a, b) => b.postedAt.getTime() - a.postedAt.getTime() || b.id.localeCompare(a.id))
		.map((row): BoardPostForDevice => {
			const isMine = row.authorId === identity.participantId;
			return {
				...postOf(row),
				moderationReason: isMine ? row.moderationReason : null,
				mine: isMine,
				reactions: counts.get(row.id) ?? noReactions(),
				myReactions: mine.get(row.id) ?? []
			};
		});
	return { posts, more };
}
