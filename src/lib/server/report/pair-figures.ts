import { stallWindowDays } from '$lib/domain/stalling';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/open-database';
import type { ReportScope } from './report-scope';
import { rowsOf } from './sql-rows';

export interface PairFigures {
	formed: number;
	active: number;
	paused: number;
	ended: number;
	stalled: number;
	/** Pairs whose progress the scheme holds, for goals. */
	reportingGoals: number;
	goalsSet: number;
	goalsAchieved: number;
}

/**
 * The pairs formed in the period (started within it), as they stood on the day the figures
 * are taken: a pair ended after that day was still running then; a closed channel means it
 * ended, whatever its status says (pairStatusOf in src/lib/domain/pair-lifecycle.ts). Stalling
 * is the dashboard's rule (src/lib/domain/stalling.ts) on that day: an active pair that had
 * started and had not met for more than the scheme's window, counting from its start if it
 * never met. Goals are as last reported before the pair ended: the metrics carry no dates for
 * them, and a report written after the end is not applied.
 */
export async function pairFigures(db: Database, scope: ReportScope): Promise<PairFigures> {
	const { schemeId, period, asOf } = scope;
	const [row] = await rowsOf<PairFigures>(
		db,
		sql`
		with formed as (
			select p.id, p.starts_on,
				case when (p.status = 'ended' or c.ended_at is not null) and p.ends_on > ${asOf}::date
						then 'active'
					when c.ended_at is not null then 'ended'
					else p.status end
					as status,
				(select max(s.held_on) from pair_sessions s
					where s.pair_id = p.id and s.held_on <= ${asOf}::date) as last_met
			from pairs p
			left join pair_channels c on c.pair_id = p.id
			where p.scheme_id = ${schemeId} and p.starts_on between ${period.from}::date and ${period.to}::date
		)
		select
			count(*)::int as "formed",
			(count(*) filter (where status = 'active'))::int as "active",
			(count(*) filter (where status = 'paused'))::int as "paused",
			(count(*) filter (where status = 'ended'))::int as "ended",
			(count(*) filter (where status = 'active' and starts_on <= ${asOf}::date
				and ${asOf}::date - coalesce(last_met, starts_on) > ${stallWindowDays(scope.stallAfterWeeks)}))::int
				as "stalled",
			count(g.pair_id)::int as "reportingGoals",
			coalesce(sum(g.goals_set), 0)::int as "goalsSet",
			coalesce(sum(g.goals_achieved), 0)::int as "goalsAchieved"
		from formed
		left join pair_progress g on g.pair_id = formed.id`
	);
	return row!;
}
