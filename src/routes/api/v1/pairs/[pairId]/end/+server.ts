import { deviceRoute } from '$lib/server/device-route';
import { endPair } from '$lib/server/pair-ending';

/** Either member ends the pair; asking again answers with the first end. */
export const POST = deviceRoute({
	ids: ['pairId'],
	handle: ({ db, identity, params, now }) => endPair(db, identity, params.pairId!, now)
});
