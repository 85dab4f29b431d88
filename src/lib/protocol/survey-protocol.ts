import * as v from 'valibot';
import {
	againAnswers,
	checkpoints,
	outcomes,
	ratingScale,
	surveyCommentMax,
	surveyQuestions
} from '$lib/domain/survey';
import { wireId, wireTimestamp } from './wire-fields';

/**
 * A check-in's answers on the wire: ratings and chosen options, and a comment only when the
 * person ticked to share it. One schema for both sides, like the progress metrics.
 */

const rating = v.nullable(
	v.pipe(
		v.number(),
		v.integer('must be a whole number'),
		v.minValue(ratingScale.min, `must be ${ratingScale.min} to ${ratingScale.max}`),
		v.maxValue(ratingScale.max, `must be ${ratingScale.min} to ${ratingScale.max}`)
	)
);

export const surveyAnswerSchema = v.strictObject({
	/** Chosen on the device when the check-in is first answered: a retry is stored once. */
	id: wireId,
	/** The scheme's pair the check-in is about. */
	pair: wireId,
	checkpoint: v.picklist(checkpoints, 'is not a check-in'),
	/** When the answers were last changed: an older copy arriving late changes nothing. */
	answeredAt: wireTimestamp,
	ratings: v.strictObject({
		confidence: rating,
		goalProgress: rating,
		relationship: rating,
		meetingsUseful: rating
	}),
	again: v.nullable(v.picklist(againAnswers, 'is not an answer')),
	outcomes: v.pipe(
		v.array(v.picklist(outcomes, 'is not an outcome')),
		v.check((list) => new Set(list).size === list.length, 'lists one twice')
	),
	/** Present only when the person chose to share it, exactly as the preview showed it. */
	comment: v.nullable(
		v.pipe(
			v.string(),
			v.trim(),
			v.nonEmpty('must not be empty'),
			v.maxLength(surveyCommentMax, 'is too long')
		)
	)
});
export type SurveyAnswerPayload = v.InferOutput<typeof surveyAnswerSchema>;

/** The scheme's check-ins, as a device needs them to know what to ask and when. */
export const surveyDefinitionSchema = v.object({
	checkpoint: v.picklist(checkpoints),
	monthsAfterStart: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(36)),
	questions: v.array(v.picklist(surveyQuestions))
});
