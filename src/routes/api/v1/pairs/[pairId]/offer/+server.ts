import { apiInvalid, apiJson, apiNoContent, readJsonBody } from '$lib/server/api-response';
import { deviceRequest } from '$lib/server/device-request';
import { fetchOffer, putOffer, withdrawOffer } from '$lib/server/pair-offers';
import { refusalReply } from '$lib/server/refusals';
import { checkRequest, offerRequest } from '$lib/sync/pair-protocol';
import type { RequestHandler } from './$types';

/** A linked device offers the wrapped pair key for a few minutes, replacing any open offer. */
export const POST: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const body = await readJsonBody(event.request, 1_024);
	if (!body.ok) return body.response;
	const checked = checkRequest(offerRequest, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const offered = await putOffer(request.db, request.identity, event.params.pairId, checked.value);
	return offered.ok ? apiJson(offered.value) : refusalReply(offered);
};

/** A device of either member fetches the open offer to link. */
export const GET: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const offer = await fetchOffer(request.db, request.identity, event.params.pairId);
	return offer.ok ? apiJson(offer.value) : refusalReply(offer);
};

export const DELETE: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const withdrawn = await withdrawOffer(request.db, request.identity, event.params.pairId);
	return withdrawn.ok ? apiNoContent() : refusalReply(withdrawn);
};
