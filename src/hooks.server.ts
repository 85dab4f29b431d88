import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { closeDatabase, database } from '$lib/server/db';
import { startSweeping } from '$lib/server/maintenance';
import { describeRequestError } from '$lib/server/error-log';
import { whenServerStops } from '$lib/server/shutdown';
import { paraglideMiddleware } from '$lib/paraglide/server.js';

/** Creates or migrates the database before the first request is served. */
export const init: ServerInit = async () => {
	// Prerendering the app shell at build time needs no database.
	if (building) return;
	const { kind } = await database();
	console.log(`Database ready (${kind}).`);
	startSweeping();
	whenServerStops(async () => {
		await closeDatabase();
		console.log('Database closed.');
	});
};

/** Server-rendered pages speak the language chosen on the device or asked for by the browser. */
export const handle: Handle = async ({ event, resolve }) => {
	const response = await paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => withTitle(html.replace('%paraglide.lang%', locale))
		});
	});
	// Coordinator pages show people's names: no browser or proxy may keep a copy.
	return event.url.pathname.startsWith('/coordinator') ? privateResponse(response) : response;
};

/**
 * The app's pages are prerendered shells that set their own title once their script runs:
 * until then (and for a checker reading the HTML) they are named after the app.
 */
function withTitle(html: string): string {
	if (/<title[\s>]/.test(html) || !html.includes('</head>')) return html;
	return html.replace('</head>', '<title>Tandem</title>\n</head>');
}

function privateResponse(response: Response): Response {
	try {
		response.headers.set('cache-control', 'private, no-store');
		return response;
	} catch {
		// Headers of a Response.redirect() or a fetched response cannot change: copy it.
		const copy = new Response(response.body, response);
		copy.headers.set('cache-control', 'private, no-store');
		return copy;
	}
}

/** Clients get a plain message; the log gets the route and where it failed, never the data. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status >= 500) {
		console.error(
			describeRequestError({ method: event.request.method, routeId: event.route.id }, status, error)
		);
	}
	return { message: status >= 500 ? 'Internal error' : message };
};
