import { apiNoContent } from '$lib/server/api-response';
import { deviceRequest } from '$lib/server/device-request';
import { cancelSupport } from '$lib/server/support/support-requests';
import type { RequestHandler } from './$types';

/** The mentor takes back a request: 204 whether or not there was an open one to take back. */
export const DELETE: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	await cancelSupport(request.db, request.identity, event.params.requestId);
	return apiNoContent();
};
