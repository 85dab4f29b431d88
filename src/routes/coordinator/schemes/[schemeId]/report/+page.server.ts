import { fail } from '@sveltejs/kit';
import { toCalendarDate } from '$lib/domain/calendar-date';
import { narrativeInput, narrativeLimit } from '$lib/domain/report-inputs';
import { reportKindOf, reportKinds } from '$lib/domain/report-period';
import { check } from '$lib/domain/validation';
import { coordinatedScheme } from '$lib/server/coordinator-session';
import { database } from '$lib/server/db';
import { evaluationReport } from '$lib/server/report/evaluation-report';
import { narrativeOf, saveNarrative } from '$lib/server/report/narratives';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { scheme } = await coordinatedScheme(event);
	const { db } = await database();
	const kind = reportKindOf(event.url.searchParams);
	const now = new Date();
	return {
		kind,
		kinds: reportKinds,
		organisation: scheme.organisation,
		stallAfterWeeks: scheme.stallAfterWeeks,
		report: await evaluationReport(db, scheme, kind, toCalendarDate(now)),
		narrative: await narrativeOf(db, scheme.id, kind),
		narrativeLimit,
		generatedAt: now.toISOString(),
		// The address it was generated from, for the printed footer: the report, not a form post.
		address: `${event.url.origin}${event.url.pathname}?report=${kind}`
	};
};

export const actions: Actions = {
	narrative: async (event) => {
		const { scheme, user } = await coordinatedScheme(event);
		const input = Object.fromEntries(await event.request.formData());
		const checked = check(narrativeInput, input);
		if (!checked.ok) {
			const text = typeof input.text === 'string' ? input.text : '';
			return fail(400, {
				narrative: {
					text,
					problem: checked.problems.text ?? checked.problems.report,
					length: text.replace(/\r\n?/g, '\n').trim().length
				}
			});
		}
		const { db } = await database();
		await saveNarrative(db, scheme.id, checked.value.report, checked.value.text, user.id);
		return { narrativeSaved: true };
	}
};
