import { apiInvalid, apiJson, apiProblem, readJsonBody } from '$lib/server/api-response';
import { deviceRequest } from '$lib/server/device-request';
import { refusalReply } from '$lib/server/refusals';
import { requestSupport } from '$lib/server/support/support-requests';
import { checkPublication } from '$lib/sync/publication-protocol';
import { supportRequestSchema } from '$lib/sync/support-protocol';
import type { RequestHandler } from './$types';

/** A mentor asks the coordinator for support or supervision: no words, only kind and urgency. */
export const POST: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	if (request.identity.role !== 'mentor') return apiProblem(403, { error: 'wrong-role' });
	const body = await readJsonBody(event.request, 1024);
	if (!body.ok) return body.response;
	const checked = checkPublication(supportRequestSchema, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const stored = await requestSupport(request.db, request.identity, checked.value);
	return stored.ok ? apiJson({ outcome: stored.value }) : refusalReply(stored);
};
