import { fail } from '@sveltejs/kit';
import { schemeInput } from '$lib/domain/scheme-inputs';
import { check } from '$lib/domain/validation';
import { coordinatedScheme } from '$lib/server/coordinator-session';
import { database } from '$lib/server/db';
import { typedValues } from '$lib/server/form-values';
import { updateScheme } from '$lib/server/schemes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { scheme } = await coordinatedScheme(event);
	return {
		values: {
			name: scheme.name,
			organisation: scheme.organisation,
			pilotStartsOn: scheme.pilotStartsOn,
			pilotEndsOn: scheme.pilotEndsOn,
			reviewOn: scheme.reviewOn,
			stallAfterWeeks: scheme.stallAfterWeeks
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const input = Object.fromEntries(await event.request.formData());
		const checked = check(schemeInput, input);
		if (!checked.ok) return fail(400, { values: typedValues(input), problems: checked.problems });
		const { db } = await database();
		await updateScheme(db, scheme.id, checked.value);
		return { saved: true };
	}
};
