import { sql, type SQL } from 'drizzle-orm';
import { addDays, addMonths } from 'date-fns';
import { fromCalendarDate, toCalendarDate, type CalendarDate } from '$lib/domain/calendar-date';
import { monthsBetween } from '$lib/domain/report-period';
import type { Database } from '../db/open-database';
import type { ReportScope } from './report-scope';
import { rowsOf } from './sql-rows';

export interface MonthActivity {
	/** YYYY-MM */
	month: string;
	sessions: number;
	minutes: number;
	/** Pairs that met at least once in the month. */
	pairsMet: number;
	wins: number;
}

export interface ActivityFigures {
	sessions: number;
	minutes: number;
	pairsMet: number;
	winsLogged: number;
	winsShared: number;
	months: MonthActivity[];
}

interface Grouped {
	month: string;
	sessions: number;
	minutes: number;
	pairs: number;
}

/** The days of the period in its first and last months, which may be partial. */
function edges(from: CalendarDate, asOf: CalendarDate) {
	const firstMonth = `${from.slice(0, 7)}-01`;
	const lastMonth = `${asOf.slice(0, 7)}-01`;
	const firstEnds = toCalendarDate(addDays(addMonths(fromCalendarDate(firstMonth), 1), -1));
	const days =
		firstMonth === lastMonth
			? [{ from, to: asOf }]
			: [
					{ from, to: firstEnds },
					{ from: lastMonth, to: asOf }
				];
	return { firstMonth, lastMonth, days };
}

/**
 * Sessions, hours and wins from the period's first day to the day its figures are taken, from
 * the merged tables kept at upload time (a session both members logged counts once). Whole
 * months read the pair's monthly totals; only the first and last months, which may be partial,
 * read day by day. A week's wins count if any of its days falls in the period, in the month of
 * its first day that does. Wins shared to the board count whatever their moderation since.
 */
export async function activityFigures(db: Database, scope: ReportScope): Promise<ActivityFigures> {
	const { schemeId, period, asOf } = scope;
	const { firstMonth, lastMonth, days } = edges(period.from, asOf);
	const inEdges = (column: SQL) =>
		sql.join(
			days.map((d) => sql`${column} between ${d.from}::date and ${d.to}::date`),
			sql` or `
		);
	// The week holding the period's first day starts up to six days before it.
	const weeksFrom = toCalendarDate(addDays(fromCalendarDate(period.from), -6));
	const weeksInEdges = sql.join(
		days.map(
			(d, i) => sql`week_of between ${i === 0 ? weeksFrom : d.from}::date and ${d.to}::date`
		),
		sql` or `
	);
	const wholeMonths = sql`month > ${firstMonth}::date and month < ${lastMonth}::date`;

	const sessions = await rowsOf<Grouped>(
		db,
		sql`
		select to_char(month, 'YYYY-MM') as "month", count(*)::int as "pairs",
			sum(sessions)::int as "sessions", sum(minutes)::int as "minutes"
		from (
			select month, pair_id, sessions, minutes from pair_months
			where scheme_id = ${schemeId} and ${wholeMonths} and sessions > 0
			union all
			select date_trunc('month', held_on)::date, pair_id, count(*), sum(minutes)
			from pair_sessions
			where scheme_id = ${schemeId} and (${inEdges(sql`held_on`)})
			group by 1, 2
		) by_pair
		group by month`
	);
	const [met] = await rowsOf<{ pairs: number }>(
		db,
		sql`
		select count(*)::int as "pairs" from (
			select pair_id from pair_months
			where scheme_id = ${schemeId} and ${wholeMonths} and sessions > 0
			union
			select pair_id from pair_sessions
			where scheme_id = ${schemeId} and (${inEdges(sql`held_on`)})
		) met`
	);
	const wins = await rowsOf<{ month: string; wins: number }>(
		db,
		sql`
		select to_char(month, 'YYYY-MM') as "month", sum(wins)::int as "wins" from (
			select month, wins from pair_months
			where scheme_id = ${schemeId} and ${wholeMonths} and wins > 0
			union all
			select date_trunc('month', greatest(week_of, ${period.from}::date))::date, wins
			from pair_win_weeks
			where scheme_id = ${schemeId} and (${weeksInEdges})
		) by_month
		group by month`
	);
	const [shared] = await rowsOf<{ shared: number }>(
		db,
		sql`
		select count(*)::int as "shared" from board_posts
		where scheme_id = ${schemeId} and kind = 'win'
			and posted_at >= ${scope.startsAt.toISOString()}::timestamptz
			and posted_at < ${scope.endsBefore.toISOString()}::timestamptz`
	);
	const byMonth = new Map(sessions.map((s) => [s.month, s]));
	const winsByMonth = new Map(wins.map((w) => [w.month, w.wins]));
	const months = monthsBetween(period.from, asOf).map((month) => ({
		month,
		sessions: byMonth.get(month)?.sessions ?? 0,
		minutes: byMonth.get(month)?.minutes ?? 0,
		pairsMet: byMonth.get(month)?.pairs ?? 0,
		wins: winsByMonth.get(month) ?? 0
	}));
	const sum = (pick: (m: MonthActivity) => number) => months.reduce((t, m) => t + pick(m), 0);
	return {
		sessions: sum((m) => m.sessions),
		minutes: sum((m) => m.minutes),
		pairsMet: met?.pairs ?? 0,
		winsLogged: sum((m) => m.wins),
		winsShared: shared?.shared ?? 0,
		months
	};
}
