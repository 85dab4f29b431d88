import { and, eq, notInArray, sql } from 'drizzle-orm';
import { weekMonday } from '$lib/domain/calendar-date';
import type { Transaction } from '../db/open-database';
import { pairMonths, pairSessions, pairWinWeeks } from '../db/schema';
import { mergedSessions, mergedWinWeeks, type MemberReport } from '../pair-progress';

/** The pair's sessions, minutes and wins month by month, from its merged records. */
function monthsOf(
	sessions: readonly { heldOn: string; minutes: number }[],
	weeks: readonly { weekOf: string; wins: number }[]
) {
	const months = new Map<string, { sessions: number; minutes: number; wins: number }>();
	const month = (day: string) => {
		const key = `${day.slice(0, 7)}-01`;
		let totals = months.get(key);
		if (!totals) months.set(key, (totals = { sessions: 0, minutes: 0, wins: 0 }));
		return totals;
	};
	for (const s of sessions) {
		const totals = month(s.heldOn);
		totals.sessions++;
		totals.minutes += s.minutes;
	}
	for (const w of weeks) month(w.weekOf).wins += w.wins;
	return [...months].map(([key, totals]) => ({ month: key, ...totals }));
}

/**
 * Brings a pair's merged sessions, weekly wins and monthly totals in line with its members'
 * latest reports. Sessions and weeks are written only where they changed (a weekly upload
 * usually adds one of each); the pair's few monthly rows are written afresh.
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
	await tx.delete(pairMonths).where(eq(pairMonths.pairId, pairId));
	const months = monthsOf(sessions, weeks).map((m) => ({ pairId, schemeId, ...m }));
	if (months.length > 0) await tx.insert(pairMonths).values(months);
}
