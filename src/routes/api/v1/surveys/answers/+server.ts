import { apiInvalid, apiJson, readJsonBody } from '$lib/server/api-response';
import { deviceRequest } from '$lib/server/device-request';
import { refusalReply } from '$lib/server/refusals';
import { saveSurveyAnswer } from '$lib/server/surveys/survey-answers';
import { checkPublication } from '$lib/sync/publication-protocol';
import { surveyAnswerSchema } from '$lib/sync/survey-protocol';
import type { RequestHandler } from './$types';

// A full answer with the longest comment is under 2 KB.
const maxBytes = 8 * 1024;

/** A person's answers to one check-in: ratings and options, a comment only if they shared it. */
export const POST: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const body = await readJsonBody(event.request, maxBytes);
	if (!body.ok) return body.response;
	const checked = checkPublication(surveyAnswerSchema, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const saved = await saveSurveyAnswer(request.db, request.identity, checked.value);
	return saved.ok ? apiJson({ outcome: saved.value }) : refusalReply(saved);
};
