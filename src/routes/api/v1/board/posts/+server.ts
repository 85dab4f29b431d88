import { apiInvalid, apiJson, readJsonBody } from '$lib/server/api-response';
import { savePost } from '$lib/server/board/board-posts';
import { deviceRequest } from '$lib/server/device-request';
import { refusalReply } from '$lib/server/refusals';
import { boardPostSchema } from '$lib/sync/board-protocol';
import { checkRequest } from '$lib/sync/pair-protocol';
import type { RequestHandler } from './$types';

// The longest valid post (an article, every character four bytes) is under 4 KB.
const maxBytes = 8 * 1024;

/** A participant posts to their scheme's board; a retry of the same post is stored once. */
export const POST: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const body = await readJsonBody(event.request, maxBytes);
	if (!body.ok) return body.response;
	const checked = checkRequest(boardPostSchema, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const saved = await savePost(request.db, request.identity, checked.value, new Date());
	if (!saved.ok) return refusalReply(saved);
	return apiJson({ outcome: saved.value }, saved.value === 'saved' ? 201 : 200);
};
