import { fail } from '@sveltejs/kit';
import {
	firstProblem,
	lockInput,
	proposalInput,
	proposeInput,
	swapInput
} from '$lib/domain/matching-round-inputs';
import { check, type FieldProblem } from '$lib/domain/validation';
import { coordinatedScheme } from '$lib/server/coordinator-session';
import { database } from '$lib/server/db';
import type { Database } from '$lib/server/db/open-database';
import { matchingRoundOf } from '$lib/server/matching/matching-round';
import {
	mentorChoicesForDrafts,
	rejectProposal,
	setProposalLocked,
	swapMentor
} from '$lib/server/matching/draft-adjustments';
import { runMatching } from '$lib/server/matching/run-matching';
import { sendProposals } from '$lib/server/matching/proposal-sending';
import { matchingSettingsOf } from '$lib/server/matching/matching-settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { scheme } = await coordinatedScheme(event);
	const { db } = await database();
	const now = new Date();
	const round = await matchingRoundOf(db, scheme.id, now);
	const choices = await mentorChoicesForDrafts(db, scheme.id, now);
	const drafts = round.drafts.map((draft) => ({ ...draft, choices: choices.get(draft.id) ?? [] }));
	return {
		lastRun: round.lastRun,
		drafts,
		waiting: round.waiting,
		returned: round.returned,
		unmatched: round.unmatched,
		menteesWithoutNeeds: round.menteesWithoutNeeds,
		consentDays: (await matchingSettingsOf(db, scheme.id)).consentDays
	};
};

/** A row's form refers to a draft proposal of this scheme, or the page is out of date. */
async function draftOf(db: Database, schemeId: string, proposalId: string) {
	const round = await matchingRoundOf(db, schemeId, new Date());
	return round.drafts.find((d) => d.id === proposalId);
}

/** Bad input is refused naming the field; a swap's is said next to its row's list of mentors. */
const refused = (problems: Partial<Record<string, FieldProblem>>, proposalId = '') =>
	fail(400, { ...firstProblem(problems), proposalId });

export const actions: Actions = {
	propose: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const checked = check(proposeInput, Object.fromEntries(await event.request.formData()));
		if (!checked.ok) return refused(checked.problems);
		const { db } = await database();
		await runMatching(db, scheme.id, checked.value.mode, new Date());
		return { proposed: true };
	},
	lock: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const checked = check(lockInput, Object.fromEntries(await event.request.formData()));
		if (!checked.ok) return refused(checked.problems);
		const { proposalId, locked } = checked.value;
		const { db } = await database();
		const draft = await draftOf(db, scheme.id, proposalId);
		if (!draft || !(await setProposalLocked(db, scheme.id, proposalId, locked)))
			return fail(404, { missing: true });
		return { locked: { mentee: draft.menteeName, mentor: draft.mentorName, locked } };
	},
	reject: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const checked = check(proposalInput, Object.fromEntries(await event.request.formData()));
		if (!checked.ok) return refused(checked.problems);
		const { db } = await database();
		const draft = await draftOf(db, scheme.id, checked.value.proposalId);
		if (!draft || !(await rejectProposal(db, scheme.id, draft.id)))
			return fail(404, { missing: true });
		return { rejected: { mentee: draft.menteeName, mentor: draft.mentorName } };
	},
	swap: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const input = Object.fromEntries(await event.request.formData());
		const checked = check(swapInput, input);
		if (!checked.ok)
			return refused(
				checked.problems,
				typeof input.proposalId === 'string' ? input.proposalId : ''
			);
		const { proposalId, mentorId } = checked.value;
		const { db } = await database();
		const draft = await draftOf(db, scheme.id, proposalId);
		if (!draft) return fail(404, { missing: true });
		const swapped = await swapMentor(db, scheme.id, proposalId, mentorId, new Date());
		if (swapped.ok) return { swapped: { proposalId } };
		const { problem } = swapped;
		if (problem === 'unknown') return fail(404, { missing: true });
		return fail(400, { field: 'mentorId', problem, proposalId });
	},
	send: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const { db } = await database();
		return { sent: await sendProposals(db, scheme.id, new Date()) };
	}
};
