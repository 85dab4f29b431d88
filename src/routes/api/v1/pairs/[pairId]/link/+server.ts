import { apiInvalid, apiJson, readJsonBody } from '$lib/server/api-response';
import { deviceRequest } from '$lib/server/device-request';
import { linkDevice } from '$lib/server/pair-link';
import { refusalReply } from '$lib/server/refusals';
import { checkRequest, linkRequest } from '$lib/sync/pair-protocol';
import type { RequestHandler } from './$types';

/** A device proves it holds the pair key and joins the pair's channel (201 when it made it). */
export const PUT: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const body = await readJsonBody(event.request, 1_024);
	if (!body.ok) return body.response;
	const checked = checkRequest(linkRequest, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const linked = await linkDevice(
		request.db,
		request.identity,
		event.params.pairId,
		checked.value.proof
	);
	if (!linked.ok) return refusalReply(linked);
	return apiJson(linked.value, linked.value.created ? 201 : 200);
};
