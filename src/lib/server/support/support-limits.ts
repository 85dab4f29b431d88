import { subDays } from 'date-fns';
import { and, count, eq, gt } from 'drizzle-orm';
import type { Transaction } from '../db/open-database';
import { supportRequests } from '../db/schema';
import { overLimit, rateLimited, type Refusal } from '../refusals';
import { storageLimits } from '../storage-limits';

const monthDays = 30;

/**
 * Whether a mentor may open another request: a few open at once, and so many in any 30 days
 * (counted by when the server received them, whatever the device's clock said).
 */
export async function supportLimitReached(
	tx: Transaction,
	participantId: string,
	now: Date
): Promise<Refusal | undefined> {
	const limits = storageLimits();
	const mine = eq(supportRequests.participantId, participantId);
	const [open] = await tx
		.select({ n: count() })
		.from(supportRequests)
		.where(and(mine, eq(supportRequests.status, 'open')));
	if ((open?.n ?? 0) >= limits.openSupportRequests)
		return overLimit('open-support-requests', limits.openSupportRequests);
	const since = subDays(now, monthDays);
	const recent = await tx
		.select({ at: supportRequests.createdAt })
		.from(supportRequests)
		.where(and(mine, gt(supportRequests.createdAt, since)))
		.orderBy(supportRequests.createdAt);
	if (recent.length < limits.supportRequestsPerMonth) return undefined;
	const frees = recent[recent.length - limits.supportRequestsPerMonth]!.at.getTime();
	return rateLimited(
		'support-requests-per-month',
		limits.supportRequestsPerMonth,
		(frees + monthDays * 864e5 - now.getTime()) / 1000
	);
}
