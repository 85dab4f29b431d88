import { deviceRoute, jsonBody } from '$lib/server/device-route';
import { saveSurveyAnswer } from '$lib/server/surveys/survey-answers';
import { surveyAnswerSchema } from '$lib/protocol/survey-protocol';

// A full answer with the longest comment is under 2 KB.
const maxBytes = 8 * 1024;

/** A person's answers to one check-in: ratings and options, a comment only if they shared it. */
export const POST = deviceRoute({
	body: jsonBody(surveyAnswerSchema, maxBytes),
	async handle({ db, identity, body, now }) {
		const saved = await saveSurveyAnswer(db, identity, body, now);
		return saved.ok ? { ok: true, value: { outcome: saved.value } } : saved;
	}
});
