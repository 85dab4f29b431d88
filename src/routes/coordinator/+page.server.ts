import { fail, redirect } from '@sveltejs/kit';
import { schemeInput } from '$lib/domain/scheme-inputs';
import { check } from '$lib/domain/validation';
import { guardedCodeAttempt } from '$lib/server/attempt-limit';
import { signedInCoordinator } from '$lib/server/coordinator-session';
import { database } from '$lib/server/db';
import { typedValues } from '$lib/server/form-values';
import { acceptCoordinatorInvitation } from '$lib/server/invitations';
import { createScheme, schemesRunBy } from '$lib/server/schemes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = await signedInCoordinator(event);
	const { db } = await database();
	return {
		schemes: await schemesRunBy(db, user.id),
		// A colleague's invitation link lands here with its code, ready to accept.
		invitationCode: event.url.searchParams.get('code') ?? ''
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = await signedInCoordinator(event);
		const input = Object.fromEntries(await event.request.formData());
		const checked = check(schemeInput, input);
		if (!checked.ok)
			return fail(400, { create: { values: typedValues(input), problems: checked.problems } });
		const { db } = await database();
		const scheme = await createScheme(db, user.id, checked.value);
		redirect(303, `/coordinator/schemes/${scheme.id}`);
	},
	accept: async (event) => {
		const user = await signedInCoordinator(event);
		const code = (await event.request.formData()).get('code');
		if (typeof code !== 'string' || code.trim() === '')
			return fail(400, { accept: { code: '', problem: 'required' as const } });
		const { db } = await database();
		const attempt = await guardedCodeAttempt(
			event,
			'coordinator-invitation',
			() => acceptCoordinatorInvitation(db, user.id, code),
			(accepted) => !accepted.ok
		);
		if (!attempt.ok) {
			const minutes = Math.ceil(attempt.retryAfterSeconds / 60);
			return fail(429, { accept: { code, problem: 'rate-limited' as const, minutes } });
		}
		const accepted = attempt.value;
		if (!accepted.ok) return fail(400, { accept: { code, problem: accepted.reason } });
		redirect(303, `/coordinator/schemes/${accepted.value}`);
	}
};
