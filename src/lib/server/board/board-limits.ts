import { subDays } from 'date-fns';
import { and, count, eq, gt } from 'drizzle-orm';
import type { Transaction } from '../db/open-database';
import { boardPosts, schemes } from '../db/schema';
import { overLimit, rateLimited, type Refusal } from '../refusals';
import { storageLimits } from '../storage-limits';

/** Makes a scheme's new posts take turns, so two at once cannot both take its last place. */
export async function takeBoardTurn(tx: Transaction, schemeId: string): Promise<void> {
	await tx
		.select({ id: schemes.id })
		.from(schemes)
		.where(eq(schemes.id, schemeId))
		.for('no key update');
}

/** Whether the scheme's board has room for one more post (the coordinator's pins included). */
export async function schemeBoardFull(
	tx: Transaction,
	schemeId: string
): Promise<Refusal | undefined> {
	const max = storageLimits().schemeBoardPosts;
	const [posts] = await tx
		.select({ n: count() })
		.from(boardPosts)
		.where(eq(boardPosts.schemeId, schemeId));
	return (posts?.n ?? 0) >= max ? overLimit('scheme-board-posts', max) : undefined;
}

/**
 * Whether a person may post again: so many posts in any 24 hours (counted by when the server
 * received them), and so many on the board at once, hidden and removed ones included, until
 * they withdraw some.
 */
export async function authorLimitReached(
	tx: Transaction,
	authorId: string,
	now: Date
): Promise<Refusal | undefined> {
	const limits = storageLimits();
	const mine = eq(boardPosts.authorId, authorId);
	const [all] = await tx.select({ n: count() }).from(boardPosts).where(mine);
	if ((all?.n ?? 0) >= limits.boardPosts) return overLimit('board-posts', limits.boardPosts);
	const today = await tx
		.select({ at: boardPosts.createdAt })
		.from(boardPosts)
		.where(and(mine, gt(boardPosts.createdAt, subDays(now, 1))))
		.orderBy(boardPosts.createdAt);
	if (today.length < limits.boardPostsPerDay) return undefined;
	const frees = today[today.length - limits.boardPostsPerDay]!.at.getTime() + 864e5;
	return rateLimited(
		'board-posts-per-day',
		limits.boardPostsPerDay,
		(frees - now.getTime()) / 1000
	);
}
