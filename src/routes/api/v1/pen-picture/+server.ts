import {
	apiInvalid,
	apiJson,
	apiNoContent,
	apiProblem,
	readJsonBody
} from '$lib/server/api-response';
import { deviceRequest } from '$lib/server/device-request';
import { savePenPicture, withdrawPenPicture } from '$lib/server/matching/publications';
import { checkPublication, publishPenPictureSchema } from '$lib/sync/publication-protocol';
import type { RequestHandler } from './$types';

// A full pen picture is under 3 KB.
const maxBytes = 16 * 1024;

/** A mentor publishes their pen picture; a copy older than the one held changes nothing. */
export const PUT: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	if (request.identity.role !== 'mentor') return apiProblem(403, { error: 'wrong-role' });
	const body = await readJsonBody(event.request, maxBytes);
	if (!body.ok) return body.response;
	const checked = checkPublication(publishPenPictureSchema, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const { writtenAt, penPicture } = checked.value;
	const saved = await savePenPicture(request.db, request.identity, new Date(writtenAt), penPicture);
	return saved.ok ? apiJson({ outcome: saved.outcome }) : apiInvalid(saved);
};

/** The mentor withdraws it: it is deleted from the server, and so are drafts naming them. */
export const DELETE: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	if (request.identity.role !== 'mentor') return apiProblem(403, { error: 'wrong-role' });
	await withdrawPenPicture(request.db, request.identity.participantId);
	return apiNoContent();
};
