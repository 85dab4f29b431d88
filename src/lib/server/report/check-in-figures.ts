import { sql } from 'drizzle-orm';
import type { AgainAnswer, Checkpoint, Outcome, RatingQuestion } from '$lib/domain/survey';
import type { Database } from '../db/open-database';
import type { ReportScope } from './report-scope';
import { rowsOf } from './sql-rows';

type Role = 'mentor' | 'mentee';

export interface RatingFigure {
	role: Role;
	checkpoint: Checkpoint;
	question: RatingQuestion;
	answers: number;
	mean: number;
}

/** Among the people who rated a question at the baseline and at a later check-in of one pair. */
export interface PairedChange {
	role: Role;
	question: RatingQuestion;
	later: 'end' | 'follow-up';
	answers: number;
	meanChange: number;
}

export interface CheckInFigures {
	ratings: RatingFigure[];
	paired: PairedChange[];
	again: { role: Role; checkpoint: Checkpoint; answer: AgainAnswer; answers: number }[];
	/** People who answered an end or follow-up check-in, and those reporting each outcome. */
	answeredLater: { role: Role; people: number }[];
	outcomes: { role: Role; outcome: Outcome; people: number }[];
	comments: { role: Role; checkpoint: Checkpoint; text: string }[];
}

/**
 * The check-ins answered within the period, from what devices sent: ratings, options and the
 * comments people ticked to share. The same question at the baseline and later is compared
 * for the same person about the same pair.
 */
export async function checkInFigures(db: Database, scope: ReportScope): Promise<CheckInFigures> {
	const inScope = sql`r.scheme_id = ${scope.schemeId}
		and r.answered_at >= ${scope.startsAt.toISOString()}::timestamptz
		and r.answered_at < ${scope.endsBefore.toISOString()}::timestamptz`;
	const answers = sql`
		answers as (
			select r.participant_id, r.pair_id, r.role, r.checkpoint, q.question, q.rating
			from survey_responses r
			cross join lateral (values
				('confidence', r.confidence), ('goalProgress', r.goal_progress),
				('relationship', r.relationship), ('meetingsUseful', r.meetings_useful)
			) q(question, rating)
			where ${inScope} and q.rating is not null
		)`;
	const ratings = await rowsOf<RatingFigure>(
		db,
		sql`with ${answers}
		select role, checkpoint, question, count(*)::int as "answers", avg(rating)::float8 as "mean"
		from answers group by role, checkpoint, question`
	);
	const paired = await rowsOf<PairedChange>(
		db,
		sql`with ${answers}
		select b.role, b.question, l.checkpoint as "later", count(*)::int as "answers",
			avg(l.rating - b.rating)::float8 as "meanChange"
		from answers b
		join answers l on l.participant_id = b.participant_id and l.pair_id = b.pair_id
			and l.question = b.question and l.checkpoint in ('end', 'follow-up')
		where b.checkpoint = 'baseline'
		group by b.role, b.question, l.checkpoint`
	);
	const again = await rowsOf<CheckInFigures['again'][number]>(
		db,
		sql`select r.role, r.checkpoint, r.again as "answer", count(*)::int as "answers"
		from survey_responses r where ${inScope} and r.again is not null
		group by r.role, r.checkpoint, r.again`
	);
	const answeredLater = await rowsOf<CheckInFigures['answeredLater'][number]>(
		db,
		sql`select r.role, count(distinct r.participant_id)::int as "people"
		from survey_responses r where ${inScope} and r.checkpoint in ('end', 'follow-up')
		group by r.role`
	);
	const outcomes = await rowsOf<CheckInFigures['outcomes'][number]>(
		db,
		sql`select r.role, o.outcome, count(distinct r.participant_id)::int as "people"
		from survey_responses r
		cross join lateral jsonb_array_elements_text(r.outcomes) o(outcome)
		where ${inScope} and r.checkpoint in ('end', 'follow-up')
		group by r.role, o.outcome`
	);
	const comments = await rowsOf<CheckInFigures['comments'][number]>(
		db,
		sql`select r.role, r.checkpoint, r.comment as "text"
		from survey_responses r where ${inScope} and btrim(coalesce(r.comment, '')) <> ''
		order by r.answered_at, r.id`
	);
	return { ratings, paired, again, answeredLater, outcomes, comments };
}
