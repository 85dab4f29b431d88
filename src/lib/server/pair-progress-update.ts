import { eq } from 'drizzle-orm';
import type { CalendarDate } from '$lib/domain/calendar-date';
import type { Transaction } from './db/open-database';
import { pairProgress, pairReports } from './db/schema';
import { mergeReports, reportUntil } from './pair-progress';
import { saveMergedRecords } from './report/merged-records';

export interface CountedPair {
	pairId: string;
	schemeId: string;
	/** The day an ended pair ended; null while it runs. */
	lastDay: CalendarDate | null;
}

/**
 * Recomputes the dashboard's row for a pair from both members' latest reports, and the merged
 * sessions and wins the evaluation report sums, leaving out whatever is dated after an ended
 * pair's last day. A pair nobody has reported on gets no row: the report counts pairs with one.
 */
export async function updatePairProgress(tx: Transaction, pair: CountedPair): Promise<void> {
	const stored = await tx.select().from(pairReports).where(eq(pairReports.pairId, pair.pairId));
	if (stored.length === 0) return;
	const reports = stored.map((report) => reportUntil(report, pair.lastDay));
	await saveMergedRecords(tx, pair, reports);
	const progress = { ...mergeReports(reports), updatedAt: new Date() };
	await tx
		.insert(pairProgress)
		.values({ pairId: pair.pairId, ...progress })
		.onConflictDoUpdate({ target: pairProgress.pairId, set: progress });
}
