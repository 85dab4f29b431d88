import { redirect } from '@sveltejs/kit';
import { coordinatorAuth } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST only; a visit here just goes home.
export const load: PageServerLoad = () => redirect(303, '/coordinator');

// SvelteKit does not allow a default action beside named ones, hence "here".
export const actions: Actions = {
	/** This browser only. signOut clears the cookie whether or not its session still exists. */
	here: async ({ request }) => {
		const auth = await coordinatorAuth();
		await auth.api.signOut({ headers: request.headers });
		redirect(303, '/coordinator/sign-in');
	},
	/** For a lost laptop or a shared computer: every session of this account ends. */
	everywhere: async ({ request }) => {
		const auth = await coordinatorAuth();
		// revokeSessions needs a live session; someone already signed out has nothing to end.
		if (await auth.api.getSession({ headers: request.headers }))
			await auth.api.revokeSessions({ headers: request.headers });
		await auth.api.signOut({ headers: request.headers });
		redirect(303, '/coordinator/sign-in');
	}
};
