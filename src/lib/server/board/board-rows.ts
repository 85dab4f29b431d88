import { desc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../db/open-database';
import { authUsers, boardPosts, participants } from '../db/schema';

const columns = {
	id: boardPosts.id,
	authorId: boardPosts.authorId,
	kind: boardPosts.kind,
	text: boardPosts.text,
	title: boardPosts.title,
	url: boardPosts.url,
	why: boardPosts.why,
	wonOn: boardPosts.wonOn,
	showName: boardPosts.showName,
	postedAt: boardPosts.postedAt,
	status: boardPosts.status,
	moderationReason: boardPosts.moderationReason,
	authorName: participants.name,
	authorRemovedAt: participants.revokedAt,
	coordinatorName: authUsers.name
};

/** Posts with their authors, newest first (the id breaks ties, so pages are stable). */
export function boardRows(db: Database, where: SQL | undefined) {
	return db
		.select(columns)
		.from(boardPosts)
		.leftJoin(participants, eq(participants.id, boardPosts.authorId))
		.leftJoin(authUsers, eq(authUsers.id, boardPosts.coordinatorId))
		.where(where)
		.orderBy(desc(boardPosts.postedAt), desc(boardPosts.id));
}

export type BoardRow = Awaited<ReturnType<typeof boardRows>>[number];

/** The name shown with a post: only if its author chose so, and never once they have left. */
function shownName(row: BoardRow): string | null {
	if (!row.showName) return null;
	if (row.authorId === null) return row.coordinatorName;
	return row.authorRemovedAt === null ? row.authorName : null;
}

/** What everyone may know of a post: its words, its kind, and who posted it as they chose. */
export function postOf(row: BoardRow) {
	return {
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
		status: row.status
	};
}
