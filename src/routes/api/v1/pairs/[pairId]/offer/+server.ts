import { apiNoContent } from '$lib/server/api-response';
import { deviceRoute, jsonBody } from '$lib/server/device-route';
import { fetchOffer, putOffer, withdrawOffer } from '$lib/server/pair-offers';
import { offerRequest } from '$lib/protocol/pair-protocol';

/** A linked device offers the wrapped pair key for a few minutes, replacing any open offer. */
export const POST = deviceRoute({
	ids: ['pairId'],
	body: jsonBody(offerRequest, 1_024),
	handle: ({ db, identity, params, body, now }) => putOffer(db, identity, params.pairId!, body, now)
});

/** A device of either member fetches the open offer to link. */
export const GET = deviceRoute({
	ids: ['pairId'],
	handle: ({ db, identity, params, now }) => fetchOffer(db, identity, params.pairId!, now)
});

export const DELETE = deviceRoute({
	ids: ['pairId'],
	async handle({ db, identity, params }) {
		const withdrawn = await withdrawOffer(db, identity, params.pairId!);
		return withdrawn.ok ? apiNoContent() : withdrawn;
	}
});
