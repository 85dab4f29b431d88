import { apiInvalid } from '$lib/server/api-response';
import { deviceRoute, jsonBody } from '$lib/server/device-route';
import { parsePullQuery, pullOps } from '$lib/server/pair-pull';
import { pushOps } from '$lib/server/pair-push';
import { pairChannelLimits, pushRequest } from '$lib/protocol/pair-protocol';

/** A linked device appends encrypted operations to the pair's log. */
export const POST = deviceRoute({
	ids: ['pairId'],
	body: jsonBody(pushRequest, pairChannelLimits.pushBytes),
	handle: ({ db, identity, params, body, now }) => pushOps(db, identity, params.pairId!, body, now)
});

/** A linked device reads what the pair's other devices pushed after its cursor. */
export const GET = deviceRoute({
	ids: ['pairId'],
	async handle({ db, identity, params, url, now }) {
		const query = parsePullQuery(url.searchParams);
		if (!query.ok) return apiInvalid(query);
		return pullOps(db, identity, params.pairId!, query.value, now);
	}
});
