import { apiInvalid, apiJson, readJsonBody } from '$lib/server/api-response';
import { react } from '$lib/server/board/board-reactions';
import { deviceRequest } from '$lib/server/device-request';
import { isUuid } from '$lib/server/schemes';
import { boardReactionSchema } from '$lib/sync/board-protocol';
import { checkRequest } from '$lib/sync/pair-protocol';
import type { RequestHandler } from './$types';

/**
 * Adds or takes back the person's reaction. On a post that is not on their board it changes
 * nothing and still answers 200 ('ignored'), so a queued reaction never blocks a device.
 */
export const PUT: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const { postId } = event.params;
	if (!isUuid(postId)) return apiInvalid({ field: 'postId', problem: 'must be a UUID' });
	const body = await readJsonBody(event.request, 1024);
	if (!body.ok) return body.response;
	const checked = checkRequest(boardReactionSchema, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const outcome = await react(request.db, request.identity, postId, checked.value);
	return apiJson({ outcome });
};
