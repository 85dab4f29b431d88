import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { credentialsInput } from '$lib/domain/scheme-inputs';
import { check } from '$lib/domain/validation';
import { coordinatorAuth } from '$lib/server/auth';
import { currentCoordinator } from '$lib/server/coordinator-session';
import { typedValues } from '$lib/server/form-values';
import { signInFailed, signInSucceeded, signInWait } from '$lib/server/sign-in-limit';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	if (await currentCoordinator(event)) redirect(303, '/coordinator');
};

export const actions: Actions = {
	default: async (event) => {
		const input = Object.fromEntries(await event.request.formData());
		const values = typedValues(input);
		const checked = check(credentialsInput, input);
		if (!checked.ok) return fail(400, { values, problems: checked.problems });
		const { email } = checked.value;
		const wait = await signInWait(event, email);
		if (wait) {
			const message =
				wait.by === 'address'
					? m.coord_rate_limited({ minutes: wait.minutes })
					: m.coord_rate_limited_account({ minutes: wait.minutes });
			return fail(429, { values, message });
		}
		const auth = await coordinatorAuth();
		try {
			await auth.api.signInEmail({ body: checked.value, headers: event.request.headers });
		} catch (e) {
			if (!(e instanceof APIError)) throw e;
			await signInFailed(event, email);
			// One message whatever went wrong, so nobody learns which emails have accounts.
			return fail(400, { values, message: m.coord_sign_in_failed() });
		}
		await signInSucceeded(event, email);
		redirect(303, '/coordinator');
	}
};
