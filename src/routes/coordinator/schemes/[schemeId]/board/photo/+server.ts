import { error } from '@sveltejs/kit';
import { schemePhoto } from '$lib/server/board/scheme-photo';
import { coordinatedScheme } from '$lib/server/coordinator-session';
import { database } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** The scheme photo, for its coordinators to see what they uploaded. */
export const GET: RequestHandler = async (event) => {
	const { scheme } = await coordinatedScheme(event);
	const { db } = await database();
	const photo = await schemePhoto(db, scheme.id);
	if (!photo) error(404, 'Not found');
	return new Response(new Uint8Array(photo.image), {
		headers: {
			'content-type': photo.mediaType,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
