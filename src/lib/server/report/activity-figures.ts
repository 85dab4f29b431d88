import { sql } from 'drizzle-orm';
import { addDays } from 'date-fns';
import { fromCalendarDate, toCalendarDate } from '$lib/domain/calendar-date';
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
	month: string | null;
	sessions: number;
	minutes: number;
	pairs: number;
}

/**
 * Sessions, hours and wins from the period's first day to the day its figures are taken, from
 * the merged tables kept at upload time (a session both members logged counts once). A week's
 * wins count if any of its days falls in the period, in the month of its first day that does.
 * Wins shared to the board count whatever their moderation since.
 */
export async function activityFigures(db: Database, scope: ReportScope): Promise<ActivityFigures> {
	const { schemeId, period, asOf } = scope;
	const weeksFrom = toCalendarDate(addDays(fromCalendarDate(period.from), -6));
	const sessions = await rowsOf<Grouped>(
		db,
		sql`
		select to_char(month, 'YYYY-MM') as "month", count(*)::int as "pairs",
			sum(sessions)::int as "sessions", sum(minutes)::int as "minutes"
		from (
			select date_trunc('month', held_on) as month, pair_id,
				count(*) as sessions, sum(minutes) as minutes
			from pair_sessions
			where scheme_id = ${schemeId} and held_on between ${period.from}::date and ${asOf}::date
			group by 1, 2
		) by_pair
		group by month`
	);
	const pairsMet = await rowsOf<{ pairs: number }>(
		db,
		sql`
		select count(distinct pair_id)::int as "pairs" from pair_sessions
		where scheme_id = ${schemeId} and held_on between ${period.from}::date and ${asOf}::date`
	);
	const wins = await rowsOf<{ month: string; wins: number }>(
		db,
		sql`
		select to_char(greatest(week_of, ${period.from}::date), 'YYYY-MM') as "month",
			sum(wins)::int as "wins"
		from pair_win_weeks
		where scheme_id = ${schemeId} and week_of between ${weeksFrom}::date and ${asOf}::date
		group by 1`
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
		pairsMet: pairsMet[0]?.pairs ?? 0,
		winsLogged: sum((m) => m.wins),
		winsShared: shared?.shared ?? 0,
		months
	};
}
