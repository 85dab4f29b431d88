import { apiJson } from '$lib/server/api-response';
import { deviceRequest } from '$lib/server/device-request';
import { participationOf } from '$lib/server/participation';
import type { RequestHandler } from './$types';

/** Who this device's owner is in the scheme, their pairs, and what matching asks of them. */
export const GET: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	return apiJson(await participationOf(request.db, request.identity, new Date()));
};
