import { schemePhoto } from '$lib/server/board/scheme-photo';
import { deviceRoute } from '$lib/server/device-route';
import { refused } from '$lib/server/refusals';

/** The scheme photo's bytes, for the device to keep for the anniversary; 404 when there is none. */
export const GET = deviceRoute({
	async handle({ db, identity }) {
		const photo = await schemePhoto(db, identity.schemeId);
		if (!photo) return refused('not-found');
		return new Response(new Uint8Array(photo.image), {
			headers: {
				'content-type': photo.mediaType,
				'cache-control': 'no-store',
				'x-content-type-options': 'nosniff'
			}
		});
	}
});
