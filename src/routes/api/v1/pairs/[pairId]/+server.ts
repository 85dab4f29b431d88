import { apiJson } from '$lib/server/api-response';
import { deviceRequest } from '$lib/server/device-request';
import { channelStatus } from '$lib/server/pair-status';
import { refusalReply } from '$lib/server/refusals';
import type { RequestHandler } from './$types';

/** Who is linked to the pair's channel, for any device of its two members. */
export const GET: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const status = await channelStatus(request.db, request.identity, event.params.pairId);
	return status.ok ? apiJson(status.value) : refusalReply(status);
};
