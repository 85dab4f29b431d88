import { and, eq, notInArray, sql } from 'drizzle-orm';
import { weekMonday } from '$lib/domain/calendar-date';
import type { Transaction } from '../db/open-database';
import { pairSessions, pairWinWeeks } from '../db/schema';
import { mergedSessions, mergedWinWeeks, type MemberReport } from '../pair-progress';

/**
 * Brings a pair's merged sessions and weekly wins in line with its members' latest reports.
 * Only what changed is written: a weekly upload usually adds one session and one week.
 */
export async function saveMergedRecords(
	tx: Transaction,
	pair: { pairId: string; schemeId: string },
	reports: readonly MemberReport[]
): Promise<void> {
	const { pairId, schemeId } = pair;
	const sessions = mergedSessions(reports).map((s) => ({
		pairId,
		schemeId,
		heldOn: s.on,
		minutes: s.minutes
	}));
	const weeks = mergedWinWeeks(reports).map((w) => ({
		pairId,
		schemeId,
		weekOf: weekMonday(w.week),
		wins: w.wins
	}));
	await tx.delete(pairSessions).where(
		and(
			eq(pairSessions.pairId, pairId),
			notInArray(
				pairSessions.heldOn,
				sessions.map((s) => s.heldOn)
			)
		)
	);
	if (sessions.length > 0)
		await tx
			.insert(pairSessions)
			.values(sessions)
			.onConflictDoUpdate({
				target: [pairSessions.pairId, pairSessions.heldOn],
				set: { minutes: sql`excluded.minutes` },
				setWhere: sql`${pairSessions.minutes} <> excluded.minutes`
			});
	await tx.delete(pairWinWeeks).where(
		and(
			eq(pairWinWeeks.pairId, pairId),
			notInArray(
				pairWinWeeks.weekOf,
				weeks.map((w) => w.weekOf)
			)
		)
	);
	if (weeks.length > 0)
		await tx
			.insert(pairWinWeeks)
			.values(weeks)
			.onConflictDoUpdate({
				target: [pairWinWeeks.pairId, pairWinWeeks.weekOf],
				set: { wins: sql`excluded.wins` },
				setWhere: sql`${pairWinWeeks.wins} <> excluded.wins`
			});
}
