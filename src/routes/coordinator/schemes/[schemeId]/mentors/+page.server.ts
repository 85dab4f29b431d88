import { fail } from '@sveltejs/kit';
import { toCalendarDate } from '$lib/domain/calendar-date';
import { firstProblem, trainingInput } from '$lib/domain/matching-round-inputs';
import { check } from '$lib/domain/validation';
import { coordinatedScheme } from '$lib/server/coordinator-session';
import { database } from '$lib/server/db';
import { participantsOf } from '$lib/server/invitations';
import { matchingSettingsOf } from '$lib/server/matching/matching-settings';
import { mentorPoolOf, recordTraining } from '$lib/server/matching/mentor-pool';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { scheme } = await coordinatedScheme(event);
	const { db } = await database();
	const pool = await mentorPoolOf(db, scheme.id, toCalendarDate(new Date()));
	const settings = await matchingSettingsOf(db, scheme.id);
	return {
		mentors: pool.mentors,
		byGender: pool.byGender,
		showGender: settings.genderPreferences,
		requireTraining: settings.requireTraining,
		stallAfterWeeks: scheme.stallAfterWeeks
	};
};

export const actions: Actions = {
	training: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const input = Object.fromEntries(await event.request.formData());
		const checked = check(trainingInput, input);
		if (!checked.ok) {
			const text = (value: FormDataEntryValue | undefined) =>
				typeof value === 'string' ? value : '';
			return fail(400, {
				...firstProblem(checked.problems),
				participantId: text(input.participantId),
				value: text(input.trainedOn)
			});
		}
		const { participantId, trainedOn } = checked.value;
		const { db } = await database();
		const mentor = (await participantsOf(db, scheme.id)).find(
			(p) => p.id === participantId && p.role === 'mentor' && p.status !== 'revoked'
		);
		if (!mentor || !(await recordTraining(db, scheme.id, participantId, trainedOn)))
			return fail(404, { missing: true });
		return { trained: { name: mentor.name, trainedOn } };
	}
};
