import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { closeDatabase, database } from '$lib/server/db';
import { startSweeping } from '$lib/server/maintenance';
import { paraglideMiddleware } from '$lib/paraglide/server.js';

/** Creates or migrates the database before the first request is served. */
export const init: ServerInit = async () => {
	// Prerendering the app shell at build time needs no database.
	if (building) return;
	const { kind } = await database();
	console.log(`Database ready (${kind}).`);
	startSweeping();
	process.once('sveltekit:shutdown', () => void closeDatabase());
};

/** Server-rendered pages speak the language chosen on the device or asked for by the browser. */
export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

/** Clients get a plain message; details stay in the server log. */
export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error(error);
	return { message: status >= 500 ? 'Internal error' : message };
};
