import { apiInvalid, apiJson, readJsonBody } from '$lib/server/api-response';
import { deviceRequest } from '$lib/server/device-request';
import { parsePullQuery, pullOps } from '$lib/server/pair-pull';
import { pushOps } from '$lib/server/pair-push';
import { refusalReply } from '$lib/server/refusals';
import { checkRequest, pairChannelLimits, pushRequest } from '$lib/sync/pair-protocol';
import type { RequestHandler } from './$types';

/** A linked device appends encrypted operations to the pair's log. */
export const POST: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const body = await readJsonBody(event.request, pairChannelLimits.pushBytes);
	if (!body.ok) return body.response;
	const checked = checkRequest(pushRequest, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const pushed = await pushOps(request.db, request.identity, event.params.pairId, checked.value);
	return pushed.ok ? apiJson(pushed.value) : refusalReply(pushed);
};

/** A linked device reads what the pair's other devices pushed after its cursor. */
export const GET: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const query = parsePullQuery(event.url.searchParams);
	if (!query.ok) return apiInvalid(query);
	const pulled = await pullOps(request.db, request.identity, event.params.pairId, query.value);
	return pulled.ok ? apiJson(pulled.value) : refusalReply(pulled);
};
