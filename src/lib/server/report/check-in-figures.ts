import type { CheckInFigures } from '$lib/protocol/coordinator/report';
import { sql } from 'drizzle-orm';
import {
	againAnswers,
	ratingQuestions,
	type AgainAnswer,
	type Checkpoint,
	type RatingQuestion
} from '$lib/domain/survey';
import type { Database } from '../db/open-database';
import type { ReportScope } from './report-scope';
import { rowsOf } from './sql-rows';

type Role = 'mentor' | 'mentee';

const columns: Record<RatingQuestion, string> = {
	confidence: 'confidence',
	goalProgress: 'goal_progress',
	relationship: 'relationship',
	meetingsUseful: 'meetings_useful'
};

/** count(x) and avg(x) for each question's rating, or for its change from `before` to `r`. */
function perQuestion(before?: string) {
	return sql.raw(
		ratingQuestions
			.map((q) => {
				const value = before ? `(r.${columns[q]} - ${before}.${columns[q]})` : `r.${columns[q]}`;
				return `count(${value})::int as "${q}Answers", avg(${value})::float8 as "${q}Mean"`;
			})
			.join(', ')
	);
}

type PerQuestion = Record<`${RatingQuestion}Answers`, number> &
	Record<`${RatingQuestion}Mean`, number | null>;

/** One row per question that has answers, from a row of per-question columns. */
function byQuestion<T extends PerQuestion, R>(
	rows: T[],
	make: (row: T, question: RatingQuestion, answers: number, mean: number) => R
): R[] {
	return rows.flatMap((row) =>
		ratingQuestions.flatMap((q) => {
			const answers = row[`${q}Answers`];
			const mean = row[`${q}Mean`];
			return answers > 0 && mean !== null ? [make(row, q, answers, mean)] : [];
		})
	);
}

/**
 * The check-ins answered within the period, from what devices sent: ratings, options and the
 * comments people ticked to share. The same question at the baseline and later is compared
 * for the same person about the same pair. Each query reads the scheme's answers once, a row
 * per answer, with every question as a column.
 */
export async function checkInFigures(db: Database, scope: ReportScope): Promise<CheckInFigures> {
	const inScope = (r: string) => sql`${sql.raw(r)}.scheme_id = ${scope.schemeId}
		and ${sql.raw(r)}.answered_at >= ${scope.startsAt.toISOString()}::timestamptz
		and ${sql.raw(r)}.answered_at < ${scope.endsBefore.toISOString()}::timestamptz`;
	const byCheckpoint = await rowsOf<
		PerQuestion & { role: Role; checkpoint: Checkpoint } & Record<AgainAnswer, number>
	>(
		db,
		sql`select r.role, r.checkpoint, ${perQuestion()},
			${sql.raw(againAnswers.map((a) => `count(*) filter (where r.again = '${a}')::int as "${a}"`).join(', '))}
		from survey_responses r where ${inScope('r')}
		group by r.role, r.checkpoint`
	);
	const ratings = byQuestion(byCheckpoint, (row, question, answers, mean) => ({
		role: row.role,
		checkpoint: row.checkpoint,
		question,
		answers,
		mean
	}));
	const again = byCheckpoint.flatMap((row) =>
		againAnswers
			.filter((answer) => row[answer] > 0)
			.map((answer) => ({
				role: row.role,
				checkpoint: row.checkpoint,
				answer,
				answers: row[answer]
			}))
	);
	const changes = await rowsOf<PerQuestion & { role: Role; later: 'end' | 'follow-up' }>(
		db,
		sql`select b.role, r.checkpoint as "later", ${perQuestion('b')}
		from survey_responses b
		join survey_responses r on r.participant_id = b.participant_id and r.pair_id = b.pair_id
			and r.checkpoint in ('end', 'follow-up')
		where ${inScope('b')} and ${inScope('r')} and b.checkpoint = 'baseline'
		group by b.role, r.checkpoint`
	);
	const paired = byQuestion(changes, (row, question, answers, meanChange) => ({
		role: row.role,
		question,
		later: row.later,
		answers,
		meanChange
	}));
	const answeredLater = await rowsOf<CheckInFigures['answeredLater'][number]>(
		db,
		sql`select r.role, count(distinct r.participant_id)::int as "people"
		from survey_responses r where ${inScope('r')} and r.checkpoint in ('end', 'follow-up')
		group by r.role`
	);
	const outcomes = await rowsOf<CheckInFigures['outcomes'][number]>(
		db,
		sql`select r.role, o.outcome, count(distinct r.participant_id)::int as "people"
		from survey_responses r
		cross join lateral jsonb_array_elements_text(r.outcomes) o(outcome)
		where ${inScope('r')} and r.checkpoint in ('end', 'follow-up')
		group by r.role, o.outcome`
	);
	const comments = await rowsOf<CheckInFigures['comments'][number]>(
		db,
		sql`select r.role, r.checkpoint, r.comment as "text"
		from survey_responses r where ${inScope('r')} and btrim(coalesce(r.comment, '')) <> ''
		order by r.answered_at, r.id`
	);
	return { ratings, paired, again, answeredLater, outcomes, comments };
}
