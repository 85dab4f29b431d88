import { apiJson } from '$lib/server/api-response';
import { deviceRoute, jsonBody } from '$lib/server/device-route';
import { linkDevice } from '$lib/server/pair-link';
import { linkRequest } from '$lib/protocol/pair-protocol';

/** A device proves it holds the pair key and joins the pair's channel (201 when it made it). */
export const PUT = deviceRoute({
	ids: ['pairId'],
	body: jsonBody(linkRequest, 1_024),
	async handle({ db, identity, params, body, now }) {
		const linked = await linkDevice(db, identity, params.pairId!, body.proof, now);
		if (!linked.ok) return linked;
		return apiJson(linked.value, linked.value.created ? 201 : 200);
	}
});
