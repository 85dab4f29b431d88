import { redirect } from '@sveltejs/kit';
import { coordinatorReturnPath } from '$lib/server/return-path';
import { cookieName, isLocale } from '$lib/paraglide/runtime.js';
import type { RequestHandler } from './$types';

const oneYear = 60 * 60 * 24 * 365;

/**
 * The language switch: a plain form post, so it works without JavaScript. The cookie is the
 * one Paraglide reads on the server (and in the app), so the choice sticks on every page.
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	const locale = form.get('locale');
	if (typeof locale === 'string' && isLocale(locale)) {
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: oneYear,
			sameSite: 'lax',
			// The app reads the same cookie in the browser.
			httpOnly: false,
			secure: url.protocol === 'https:'
		});
	}
	redirect(303, coordinatorReturnPath(form.get('return')));
};
