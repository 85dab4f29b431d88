import type { SurveyAnswer } from '$lib/domain/survey';
import type { SurveyAnswerPayload } from '$lib/protocol/survey-protocol';

/**
 * The allowlist for a check-in: the ratings and chosen options, and the comment only when the
 * person ticked to share it, exactly as they wrote it. Nothing else of the device's is read.
 */
export function surveyAnswerPayload(answer: SurveyAnswer): SurveyAnswerPayload {
	return {
		id: answer.id,
		pair: answer.pairId,
		checkpoint: answer.checkpoint,
		answeredAt: answer.answeredAt,
		ratings: {
			confidence: answer.ratings.confidence,
			goalProgress: answer.ratings.goalProgress,
			relationship: answer.ratings.relationship,
			meetingsUseful: answer.ratings.meetingsUseful
		},
		again: answer.again,
		outcomes: [...answer.outcomes],
		comment: answer.shareComment && answer.comment.trim() !== '' ? answer.comment.trim() : null
	};
}
