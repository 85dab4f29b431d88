import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import type * as v from 'valibot';
import { signUpInput } from '$lib/domain/scheme-inputs';
import { check, type FieldProblem, type FieldProblems } from '$lib/domain/validation';
import { signUpWait } from '$lib/server/attempt-limit';
import { coordinatorAuth } from '$lib/server/auth';
import { currentCoordinator } from '$lib/server/coordinator-session';
import { typedValues } from '$lib/server/form-values';
import { signInSucceeded } from '$lib/server/sign-in-limit';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

type SignUpProblems = FieldProblems<v.InferOutput<typeof signUpInput>>;

/** better-auth's own password limits, reported like the form's other field problems. */
const passwordProblem = (problem: FieldProblem): SignUpProblems => ({ password: problem });

export const load: PageServerLoad = async (event) => {
	if (await currentCoordinator(event)) redirect(303, '/coordinator');
};

export const actions: Actions = {
	default: async (event) => {
		const input = Object.fromEntries(await event.request.formData());
		const values = typedValues(input);
		const wait = await signUpWait(event);
		if (wait) return fail(429, { values, message: m.coord_rate_limited({ minutes: wait }) });
		const checked = check(signUpInput, input);
		if (!checked.ok) return fail(400, { values, problems: checked.problems });
		const auth = await coordinatorAuth();
		try {
			await auth.api.signUpEmail({ body: checked.value, headers: event.request.headers });
		} catch (e) {
			if (!(e instanceof APIError)) throw e;
			const code = String(e.body?.code ?? '');
			if (code === 'PASSWORD_TOO_SHORT')
				return fail(400, { values, problems: passwordProblem('too_short') });
			if (code === 'PASSWORD_TOO_LONG')
				return fail(400, { values, problems: passwordProblem('too_long') });
			if (code.startsWith('USER_ALREADY_EXISTS'))
				return fail(400, { values, message: m.coord_sign_up_exists() });
			return fail(400, { values, message: m.coord_sign_up_failed() });
		}
		// The browser that made the account is known to it: guessers can never lock it out.
		await signInSucceeded(event, checked.value.email);
		redirect(303, '/coordinator');
	}
};
