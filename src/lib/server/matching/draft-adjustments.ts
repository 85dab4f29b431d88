// The coordinator's changes to a draft round: lock, reject, swap a mentor.

import { and, eq } from 'drizzle-orm';

import {
	hardRuleBetween,
	mentorChoices,
	mentorChoicesForMentees,
	mentorUnavailability,
	scorePair
} from '$lib/domain/matching';
import type { Database, Transaction } from '../db/open-database';
import { matchProposals } from '../db/schema';
import { isUuid } from '../schemes';

import { lockScheme, roundRequest, draftsOf } from './run-matching';

/** Locks or unlocks a draft of this scheme; false for anything else. */
export async function setProposalLocked(
	db: Database,
	schemeId: string,
	proposalId: string,
	locked: boolean
): Promise<boolean> {
	if (!isUuid(proposalId)) return false;
	const changed = await db
		.update(matchProposals)
		.set({ locked })
		.where(draftIn(schemeId, proposalId))
		.returning({ id: matchProposals.id });
	return changed.length > 0;
}

/** Takes a draft out of the round; the next run will not propose this pair again. */
export async function rejectProposal(
	db: Database,
	schemeId: string,
	proposalId: string
): Promise<boolean> {
	if (!isUuid(proposalId)) return false;
	const changed = await db
		.update(matchProposals)
		.set({ status: 'rejected', locked: false })
		.where(draftIn(schemeId, proposalId))
		.returning({ id: matchProposals.id });
	return changed.length > 0;
}

const draftIn = (schemeId: string, proposalId: string) =>
	and(
		eq(matchProposals.id, proposalId),
		eq(matchProposals.schemeId, schemeId),
		eq(matchProposals.status, 'draft')
	);

/** One draft and the round around it, with every other draft holding its mentor's place. */
async function draftRound(tx: Transaction, schemeId: string, proposalId: string, now: Date) {
	if (!isUuid(proposalId)) return undefined;
	const drafts = await draftsOf(tx, schemeId);
	const draft = drafts.find((d) => d.id === proposalId);
	if (!draft) return undefined;
	const others = drafts.filter((d) => d.id !== proposalId);
	const request = await roundRequest(tx, schemeId, 'best-fit', now, others);
	return { draft, request };
}

export interface MentorChoice {
	mentorId: string;
	name: string;
	score: number;
	spare: number;
}

/**
 * For every draft, the mentors its mentee could have instead: allowed, with a place once the
 * other drafts hold theirs, best first. One round is read for all drafts, so the page costs the
 * same few queries however many proposals it lists.
 */
export async function mentorChoicesForDrafts(
	db: Database,
	schemeId: string,
	now: Date
): Promise<Map<string, MentorChoice[]>> {
	return db.transaction(async (tx) => {
		const drafts = await draftsOf(tx, schemeId);
		const choices = new Map<string, MentorChoice[]>();
		if (drafts.length === 0) return choices;
		// Every draft holds its mentor's place; the engine frees a mentee's own when asked for it.
		const request = await roundRequest(tx, schemeId, 'best-fit', now, drafts);
		const names = new Map(request.mentors.map((m) => [m.id, m.name]));
		const scored = mentorChoicesForMentees(
			request,
			drafts.map((d) => d.menteeId)
		);
		for (const draft of drafts) {
			const named = scored
				.get(draft.menteeId)!
				.map((c) => ({ ...c, name: names.get(c.mentorId)! }));
			choices.set(draft.id, named);
		}
		return choices;
	});
}

export type SwapOutcome =
	{ ok: true } | { ok: false; problem: 'not-allowed' | 'no-capacity' | 'unknown' };

/** Gives a draft another mentor the coordinator chose; it is rescored and locked. */
export async function swapMentor(
	db: Database,
	schemeId: string,
	proposalId: string,
	mentorId: string,
	now: Date
): Promise<SwapOutcome> {
	return db.transaction(async (tx): Promise<SwapOutcome> => {
		if (!(await lockScheme(tx, schemeId))) return { ok: false, problem: 'unknown' };
		const round = await draftRound(tx, schemeId, proposalId, now);
		if (!round) return { ok: false, problem: 'unknown' };
		const { draft, request } = round;
		const mentor = request.mentors.find((m) => m.id === mentorId);
		const mentee = request.mentees.find((e) => e.id === draft.menteeId);
		if (!mentor || !mentee) return { ok: false, problem: 'not-allowed' };
		const choice = mentorChoices(request, mentee.id).find((c) => c.mentorId === mentorId);
		if (!choice) {
			const reason = mentorUnavailability(mentor, request.settings, request.today);
			const allowed =
				(reason === null || reason === 'no-capacity') &&
				hardRuleBetween(mentor, mentee, request.settings) === null &&
				!request.rejected.some((r) => r.menteeId === mentee.id && r.mentorId === mentorId);
			return { ok: false, problem: allowed ? 'no-capacity' : 'not-allowed' };
		}
		const loadAfter = mentor.capacity - choice.spare + 1;
		const { score, criteria } = scorePair(mentor, mentee, request.settings, loadAfter);
		await tx
			.update(matchProposals)
			.set({ mentorId, score, criteria, locked: true })
			.where(eq(matchProposals.id, draft.id));
		return { ok: true };
	});
}
