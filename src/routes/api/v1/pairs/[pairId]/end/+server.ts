import { apiJson } from '$lib/server/api-response';
import { deviceRequest } from '$lib/server/device-request';
import { endPair } from '$lib/server/pair-ending';
import { refusalReply } from '$lib/server/refusals';
import type { RequestHandler } from './$types';

/** Either member ends the pair; asking again answers with the first end. */
export const POST: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const ended = await endPair(request.db, request.identity, event.params.pairId);
	return ended.ok ? apiJson(ended.value) : refusalReply(ended);
};
