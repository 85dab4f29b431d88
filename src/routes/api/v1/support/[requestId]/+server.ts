import { apiNoContent } from '$lib/server/api-response';
import { deviceRoute } from '$lib/server/device-route';
import { cancelSupport } from '$lib/server/support/support-requests';

/** The mentor takes back a request: 204 whether or not there was an open one to take back. */
export const DELETE = deviceRoute({
	ids: ['requestId'],
	async handle({ db, identity, params }) {
		await cancelSupport(db, identity, params.requestId!);
		return apiNoContent();
	}
});
