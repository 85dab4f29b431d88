import { currentCoordinator } from '$lib/server/coordinator-session';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { LayoutServerLoad } from './$types';

// The coordinator pages are rendered on the server for every request, in the language of the
// locale cookie. They need no JavaScript: forms post natively, so nothing hydrates in a
// language the browser's own storage might disagree with, and the CSP stays simple.
export const prerender = false;
export const ssr = true;
export const csr = false;

export const load: LayoutServerLoad = async (event) => {
	const user = await currentCoordinator(event);
	// A form action's URL carries "?/name"; coming back to it after a language change would be
	// a GET of the same page, so only the ordinary query parameters are kept.
	const query = new URLSearchParams(
		[...event.url.searchParams].filter(([key]) => !key.startsWith('/'))
	).toString();
	return {
		coordinator: user ? { name: user.name, email: user.email } : undefined,
		locale: getLocale(),
		here: event.url.pathname + (query ? `?${query}` : '')
	};
};
