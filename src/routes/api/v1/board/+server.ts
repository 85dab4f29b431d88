import { apiInvalid, apiJson } from '$lib/server/api-response';
import { boardListingFor } from '$lib/server/board/board-listing';
import { parseBefore } from '$lib/server/board/board-page';
import { deviceRequest } from '$lib/server/device-request';
import type { RequestHandler } from './$types';

/** The device's own scheme's board: the newest visible posts, and the person's own. */
export const GET: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const before = parseBefore(event.url.searchParams);
	if (!before.ok) return apiInvalid(before);
	return apiJson(await boardListingFor(request.db, request.identity, { before: before.value }));
};
