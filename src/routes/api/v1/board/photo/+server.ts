import { apiProblem } from '$lib/server/api-response';
import { schemePhoto } from '$lib/server/board/scheme-photo';
import { deviceRequest } from '$lib/server/device-request';
import type { RequestHandler } from './$types';

/** The scheme photo's bytes, for the device to keep for the anniversary; 404 when there is none. */
export const GET: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const photo = await schemePhoto(request.db, request.identity.schemeId);
	if (!photo) return apiProblem(404, { error: 'not-found' });
	return new Response(new Uint8Array(photo.image), {
		headers: {
			'content-type': photo.mediaType,
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
