import { and, eq, inArray, sql } from 'drizzle-orm';
import { weekMonday } from '$lib/domain/calendar-date';
import type { Transaction } from '../db/open-database';
import { pairMonths, pairSessions, pairWinWeeks } from '../db/schema';
import { mergedSessions, mergedWinWeeks, type MemberReport } from '../pair-progress';

interface MonthTotals {
	sessions: number;
	minutes: number;
	wins: number;
}

/** The pair's sessions, minutes and wins month by month, from its merged records. */
function monthsOf(
	sessions: ReadonlyMap<string, number>,
	weeks: ReadonlyMap<string, number>
): Map<string, MonthTotals> {
	const months = new Map<string, MonthTotals>();
	const month = (day: string) => {
		const key = `${day.slice(0, 7)}-01`;
		let totals = months.get(key);
		if (!totals) months.set(key, (totals = { sessions: 0, minutes: 0, wins: 0 }));
		return totals;
	};
	for (const [heldOn, minutes] of sessions) {
		const totals = month(heldOn);
		totals.sessions++;
		totals.minutes += minutes;
	}
	for (const [weekOf, wins] of weeks) month(weekOf).wins += wins;
	return months;
}

/** The keys to delete and the entries to write so that `held` comes to hold `wanted`. */
function difference<V>(held: ReadonlyMap<string, V>, wanted: ReadonlyMap<string, V>) {
	const same = (a: V | undefined, b: V) => JSON.stringify(a) === JSON.stringify(b);
	return {
		gone: [...held.keys()].filter((key) => !wanted.has(key)),
		changed: [...wanted].filter(([key, value]) => !same(held.get(key), value))
	};
}

/**
 * Brings a pair's merged sessions, weekly wins and monthly totals in line with its members'
 * latest reports. The pair's rows are read first and only those that differ are written: a
 * weekly upload changes a row or two, a repeated report none.
 */
export async function saveMergedRecords(
	tx: Transaction,
	pair: { pairId: string; schemeId: string },
	reports: readonly MemberReport[]
): Promise<void> {
	const { pairId, schemeId } = pair;
	const sessions = new Map(mergedSessions(reports).map((s) => [s.on, s.minutes]));
	const weeks = new Map(mergedWinWeeks(reports).map((w) => [weekMonday(w.week), w.wins]));
	const [heldSessions, heldWeeks, heldMonths] = await Promise.all([
		tx
			.select({ key: pairSessions.heldOn, minutes: pairSessions.minutes })
			.from(pairSessions)
			.where(eq(pairSessions.pairId, pairId)),
		tx
			.select({ key: pairWinWeeks.weekOf, wins: pairWinWeeks.wins })
			.from(pairWinWeeks)
			.where(eq(pairWinWeeks.pairId, pairId)),
		tx
			.select({
				key: pairMonths.month,
				sessions: pairMonths.sessions,
				minutes: pairMonths.minutes,
				wins: pairMonths.wins
			})
			.from(pairMonths)
			.where(eq(pairMonths.pairId, pairId))
	]);

	const days = difference(new Map(heldSessions.map((s) => [s.key, s.minutes])), sessions);
	if (days.gone.length > 0)
		await tx
			.delete(pairSessions)
			.where(and(eq(pairSessions.pairId, pairId), inArray(pairSessions.heldOn, days.gone)));
	if (days.changed.length > 0)
		await tx
			.insert(pairSessions)
			.values(days.changed.map(([heldOn, minutes]) => ({ pairId, schemeId, heldOn, minutes })))
			.onConflictDoUpdate({
				target: [pairSessions.pairId, pairSessions.heldOn],
				set: { minutes: sql`excluded.minutes` }
			});

	const winWeeks = difference(new Map(heldWeeks.map((w) => [w.key, w.wins])), weeks);
	if (winWeeks.gone.length > 0)
		await tx
			.delete(pairWinWeeks)
			.where(and(eq(pairWinWeeks.pairId, pairId), inArray(pairWinWeeks.weekOf, winWeeks.gone)));
	if (winWeeks.changed.length > 0)
		await tx
			.insert(pairWinWeeks)
			.values(winWeeks.changed.map(([weekOf, wins]) => ({ pairId, schemeId, weekOf, wins })))
			.onConflictDoUpdate({
				target: [pairWinWeeks.pairId, pairWinWeeks.weekOf],
				set: { wins: sql`excluded.wins` }
			});

	const months = difference(
		new Map(heldMonths.map(({ key, ...totals }) => [key, totals])),
		monthsOf(sessions, weeks)
	);
	if (months.gone.length > 0)
		await tx
			.delete(pairMonths)
			.where(and(eq(pairMonths.pairId, pairId), inArray(pairMonths.month, months.gone)));
	if (months.changed.length > 0)
		await tx
			.insert(pairMonths)
			.values(months.changed.map(([month, totals]) => ({ pairId, schemeId, month, ...totals })))
			.onConflictDoUpdate({
				target: [pairMonths.pairId, pairMonths.month],
				set: {
					sessions: sql`excluded.sessions`,
					minutes: sql`excluded.minutes`,
					wins: sql`excluded.wins`
				}
			});
}
