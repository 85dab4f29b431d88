import type { FieldProblem } from './validation';
import {
	againAnswers,
	outcomes,
	ratingQuestions,
	ratingScale,
	surveyCommentMax,
	type AgainAnswer,
	type Outcome,
	type RatingQuestion,
	type SurveyQuestion
} from './survey';

/** What the check-in form holds: a rating per question, the options chosen, the comment. */
export interface SurveyAnswerInput {
	ratings: Partial<Record<RatingQuestion, number | null>>;
	again: AgainAnswer | null;
	outcomes: Outcome[];
	comment: string;
	shareComment: boolean;
}

export type SurveyAnswerProblems = Partial<
	Record<RatingQuestion | 'again' | 'comment', FieldProblem>
>;

export type SurveyAnswerCheck =
	| {
			ok: true;
			value: Omit<SurveyAnswerInput, 'ratings'> & {
				ratings: Record<RatingQuestion, number | null>;
			};
	  }
	| { ok: false; problems: SurveyAnswerProblems };

const isRating = (n: unknown): n is number =>
	typeof n === 'number' && Number.isInteger(n) && n >= ratingScale.min && n <= ratingScale.max;

/**
 * Every rating and the "again" question the check-in asks must be answered; questions it does
 * not ask are dropped, so nothing unasked is kept or sent. The comment is optional.
 */
export function checkSurveyAnswer(
	input: SurveyAnswerInput,
	asked: readonly SurveyQuestion[]
): SurveyAnswerCheck {
	const problems: SurveyAnswerProblems = {};
	const ratings = {} as Record<RatingQuestion, number | null>;
	for (const question of ratingQuestions) {
		const value = input.ratings[question] ?? null;
		if (!asked.includes(question)) ratings[question] = null;
		else if (value === null) problems[question] = 'required';
		else if (!isRating(value)) problems[question] = 'out_of_range';
		else ratings[question] = value;
	}
	const again = asked.includes('again') ? input.again : null;
	if (asked.includes('again') && (again === null || !againAnswers.includes(again)))
		problems.again = 'required';
	const comment = input.comment.trim();
	if (comment.length > surveyCommentMax) problems.comment = 'too_long';
	if (Object.keys(problems).length > 0) return { ok: false, problems };
	return {
		ok: true,
		value: {
			ratings,
			again,
			outcomes: asked.includes('outcomes')
				? outcomes.filter((o) => input.outcomes.includes(o))
				: [],
			comment,
			shareComment: input.shareComment && comment !== ''
		}
	};
}
