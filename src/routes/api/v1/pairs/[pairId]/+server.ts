import { deviceRoute } from '$lib/server/device-route';
import { channelStatus } from '$lib/server/pair-status';

/** Who is linked to the pair's channel, for any device of its two members. */
export const GET = deviceRoute({
	ids: ['pairId'],
	handle: ({ db, identity, params, now }) => channelStatus(db, identity, params.pairId!, now)
});
