import { apiInvalid, apiNoContent } from '$lib/server/api-response';
import { withdrawPost } from '$lib/server/board/board-posts';
import { deviceRequest } from '$lib/server/device-request';
import { refusalReply } from '$lib/server/refusals';
import { isUuid } from '$lib/server/schemes';
import type { RequestHandler } from './$types';

/** The author withdraws their post: 204 whether or not it was still there. */
export const DELETE: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const { postId } = event.params;
	if (!isUuid(postId)) return apiInvalid({ field: 'postId', problem: 'must be a UUID' });
	const withdrawn = await withdrawPost(request.db, request.identity, postId);
	return withdrawn.ok ? apiNoContent() : refusalReply(withdrawn);
};
