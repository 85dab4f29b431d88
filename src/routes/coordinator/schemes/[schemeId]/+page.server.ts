import { fail } from '@sveltejs/kit';
import { addMonths } from 'date-fns';
import * as v from 'valibot';
import { fromCalendarDate, toCalendarDate } from '$lib/domain/calendar-date';
import { schemeMilestones } from '$lib/domain/milestones';
import { schemePairInput } from '$lib/domain/scheme-inputs';
import { check } from '$lib/domain/validation';
import { coordinatedScheme } from '$lib/server/coordinator-session';
import { dashboardRows } from '$lib/server/dashboard';
import { dashboardColumns, dashboardTotals } from '$lib/protocol/coordinator/dashboard';
import { dashboardSort, sortLink } from '$lib/server/dashboard-sort';
import { database } from '$lib/server/db';
import { pairStatuses } from '$lib/server/db/schema';
import { typedValues } from '$lib/server/form-values';
import { participantsOf } from '$lib/server/invitations';
import { createPair, setPairStatus } from '$lib/server/scheme-pairs';
import { openSupportRequestCount } from '$lib/server/support/support-requests';
import type { Actions, PageServerLoad } from './$types';

/** The length a pair is offered by default: long enough for a few months of sessions. */
const defaultPairMonths = 6;

export const load: PageServerLoad = async (event) => {
	const { scheme } = await coordinatedScheme(event);
	const { db } = await database();
	const today = toCalendarDate(new Date());
	const sort = dashboardSort(event.url.searchParams);
	const rows = await dashboardRows(db, scheme, today, sort.column, sort.direction);
	// Anyone not removed can be paired, including people who have not joined yet; a mentee
	// already in an active or paused pair is not offered again (a mentor may have several).
	const paired = new Set(rows.filter((r) => r.status !== 'ended').map((r) => r.menteeId));
	const people = (await participantsOf(db, scheme.id))
		.filter((p) => p.status !== 'revoked' && !(p.role === 'mentee' && paired.has(p.id)))
		.map((p) => ({ id: p.id, name: p.name, role: p.role, joined: p.status === 'joined' }));
	return {
		rows,
		totals: dashboardTotals(rows),
		sort,
		columns: dashboardColumns.map((column) => ({ column, href: sortLink(sort, column) })),
		stallAfterWeeks: scheme.stallAfterWeeks,
		people,
		today,
		defaultEnd: toCalendarDate(addMonths(fromCalendarDate(today), defaultPairMonths)),
		milestones: schemeMilestones({
			startsOn: scheme.pilotStartsOn,
			pilotEndsOn: scheme.pilotEndsOn,
			reviewOn: scheme.reviewOn
		}),
		supportWaiting: await openSupportRequestCount(db, scheme.id)
	};
};

const statusChange = v.object({
	pairId: v.string(),
	status: v.picklist(pairStatuses)
});

export const actions: Actions = {
	status: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const parsed = v.safeParse(statusChange, Object.fromEntries(await event.request.formData()));
		if (!parsed.success)
			return fail(400, { status: { changed: false as const, refusal: 'not-found' as const } });
		const { pairId, status } = parsed.output;
		const { db } = await database();
		const change = await setPairStatus(db, scheme.id, pairId, status);
		if (!change.ok) {
			const { refusal } = change;
			return fail(refusal === 'not-found' ? 404 : 409, {
				status: { changed: false as const, refusal, pairId }
			});
		}
		return { status: { changed: true as const, pairId, to: status } };
	},
	pair: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const input = Object.fromEntries(await event.request.formData());
		const values = typedValues(input);
		const checked = check(schemePairInput, input);
		if (!checked.ok) return fail(400, { pair: { values, problems: checked.problems } });
		const { db } = await database();
		const created = await createPair(db, scheme.id, checked.value);
		if (!created.ok)
			return fail(400, { pair: { values, problems: { [created.field]: created.problem } } });
		return { created: { pairId: created.pairId } };
	}
};
