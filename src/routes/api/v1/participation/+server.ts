import { deviceRoute } from '$lib/server/device-route';
import { participationOf } from '$lib/server/participation';

/** Who this device's owner is in the scheme, their pairs, and what matching asks of them. */
export const GET = deviceRoute({
	handle: async ({ db, identity, now }) => ({
		ok: true,
		value: await participationOf(db, identity, now)
	})
});
