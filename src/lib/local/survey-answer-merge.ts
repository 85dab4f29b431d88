import type { SurveyAnswer } from '$lib/domain/survey';
import type { TandemDb } from './db';

/**
 * Takes in a check-in answer from a file or a backup, inside the caller's transaction. A pair's
 * check-in has one answer on a device: the one given last is kept. It is not sent again; the
 * device that took it sent it.
 */
export async function mergeSurveyAnswer(
	db: TandemDb,
	answer: SurveyAnswer
): Promise<'added' | 'updated' | 'unchanged'> {
	const here = await db.surveyAnswers
		.where('[pairId+checkpoint]')
		.equals([answer.pairId, answer.checkpoint])
		.first();
	if (here && here.answeredAt >= answer.answeredAt) return 'unchanged';
	if (here) await db.surveyAnswers.delete(here.id);
	await db.surveyAnswers.put(answer);
	return here ? 'updated' : 'added';
}
