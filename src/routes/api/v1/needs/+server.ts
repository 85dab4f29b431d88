import {
	apiInvalid,
	apiJson,
	apiNoContent,
	apiProblem,
	readJsonBody
} from '$lib/server/api-response';
import { deviceRequest } from '$lib/server/device-request';
import { saveNeeds, withdrawNeeds } from '$lib/server/matching/publications';
import { checkPublication, publishNeedsSchema } from '$lib/sync/publication-protocol';
import type { RequestHandler } from './$types';

// Full needs are under 2 KB.
const maxBytes = 16 * 1024;

/** A mentee publishes their needs; a copy older than the one held changes nothing. */
export const PUT: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	if (request.identity.role !== 'mentee') return apiProblem(403, { error: 'wrong-role' });
	const body = await readJsonBody(event.request, maxBytes);
	if (!body.ok) return body.response;
	const checked = checkPublication(publishNeedsSchema, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const { writtenAt, needs } = checked.value;
	const saved = await saveNeeds(request.db, request.identity, new Date(writtenAt), needs);
	return saved.ok ? apiJson({ outcome: saved.outcome }) : apiInvalid(saved);
};

/** The mentee withdraws them: deleted from the server, and any proposal waiting on them ends. */
export const DELETE: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	if (request.identity.role !== 'mentee') return apiProblem(403, { error: 'wrong-role' });
	await withdrawNeeds(request.db, request.identity.participantId);
	return apiNoContent();
};
