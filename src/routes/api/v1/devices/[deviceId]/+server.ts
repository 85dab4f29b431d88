import { apiNoContent } from '$lib/server/api-response';
import { deviceRoute } from '$lib/server/device-route';
import { removeOwnDevice } from '$lib/server/participant-devices';

/** The person removes another of their devices (a lost phone): 204 whether or not it synced. */
export const DELETE = deviceRoute({
	ids: ['deviceId'],
	async handle({ db, identity, params, now }) {
		const removed = await removeOwnDevice(db, identity, params.deviceId!, now);
		return removed.ok ? apiNoContent() : removed;
	}
});
