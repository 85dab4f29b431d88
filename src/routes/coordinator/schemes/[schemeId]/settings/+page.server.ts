import { fail } from '@sveltejs/kit';
import { areasFromChoices } from '$lib/domain/matching-area-choices';
import {
	matchingSettingsFormValues,
	matchingSettingsInput
} from '$lib/domain/matching/settings-input';
import { schemeInput } from '$lib/domain/scheme-inputs';
import { readSurveySettings, surveySettingsFormValues } from '$lib/domain/survey-settings-input';
import { check } from '$lib/domain/validation';
import { coordinatedScheme } from '$lib/server/coordinator-session';
import { database } from '$lib/server/db';
import { typedValues } from '$lib/server/form-values';
import { matchingSettingsOf, saveMatchingSettings } from '$lib/server/matching/matching-settings';
import { schemeStorage } from '$lib/server/scheme-storage';
import { updateScheme } from '$lib/server/schemes';
import { storageLimits } from '$lib/server/storage-limits';
import { saveSurveyDefinitions, surveyDefinitionsOf } from '$lib/server/surveys/survey-settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { scheme } = await coordinatedScheme(event);
	const { db } = await database();
	return {
		values: {
			name: scheme.name,
			organisation: scheme.organisation,
			pilotStartsOn: scheme.pilotStartsOn,
			pilotEndsOn: scheme.pilotEndsOn,
			reviewOn: scheme.reviewOn,
			stallAfterWeeks: scheme.stallAfterWeeks
		},
		matchingValues: matchingSettingsFormValues(await matchingSettingsOf(db, scheme.id)),
		surveyValues: surveySettingsFormValues(await surveyDefinitionsOf(db, scheme.id)),
		storage: { ...(await schemeStorage(db, scheme.id)), limits: storageLimits() }
	};
};

/**
 * The matching form as settings-input reads it: the ticked built-in areas and the typed ones
 * become one list of areas, one per line.
 */
function matchingInput(form: FormData): Record<string, FormDataEntryValue> {
	const { builtInArea, ownAreas, ...rest } = Object.fromEntries(form);
	const ticked = form.getAll('builtInArea').filter((area) => typeof area === 'string');
	return { ...rest, areas: areasFromChoices(ticked, typeof ownAreas === 'string' ? ownAreas : '') };
}

export const actions: Actions = {
	scheme: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const input = Object.fromEntries(await event.request.formData());
		const checked = check(schemeInput, input);
		if (!checked.ok) return fail(400, { values: typedValues(input), problems: checked.problems });
		const { db } = await database();
		await updateScheme(db, scheme.id, checked.value);
		return { saved: true };
	},
	matching: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const input = matchingInput(await event.request.formData());
		const checked = check(matchingSettingsInput, input);
		if (!checked.ok)
			return fail(400, { matching: { values: typedValues(input), problems: checked.problems } });
		const { db } = await database();
		await saveMatchingSettings(db, scheme.id, checked.value);
		return { matchingSaved: true };
	},
	surveys: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const input = Object.fromEntries(await event.request.formData());
		const checked = readSurveySettings(input);
		if (!checked.ok)
			return fail(400, { surveys: { values: typedValues(input), problems: checked.problems } });
		const { db } = await database();
		await saveSurveyDefinitions(db, scheme.id, checked.value);
		return { surveysSaved: true };
	}
};
