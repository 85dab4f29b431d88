// Running the matching engine over the scheme's pool, into draft proposals.

import { and, eq, inArray, notInArray } from 'drizzle-orm';

import { toCalendarDate } from '$lib/domain/calendar-date';
import {
	proposeMatches,
	type MatchingMode,
	type MatchingRequest,
	type MenteeMentor
} from '$lib/domain/matching';
import type { Database, Transaction } from '../db/open-database';
import { matchingRuns, matchProposals, schemes } from '../db/schema';

import { mentorCandidates, menteePool } from './candidates';
import { matchingSettingsOf } from './matching-settings';

/**
 * Holds the scheme's row while the round changes, so two coordinators' runs, swaps and sends
 * happen one after the other. "No key update" leaves inserts that only point at the scheme free.
 */
export async function lockScheme(tx: Transaction, schemeId: string): Promise<boolean> {
	const [row] = await tx
		.select({ id: schemes.id })
		.from(schemes)
		.where(eq(schemes.id, schemeId))
		.for('no key update');
	return row !== undefined;
}

/** Pairs the coordinator rejected, or that came back declined or unanswered: never proposed again. */
async function returnedPairs(tx: Transaction, schemeId: string): Promise<MenteeMentor[]> {
	return tx
		.select({ menteeId: matchProposals.menteeId, mentorId: matchProposals.mentorId })
		.from(matchProposals)
		.where(
			and(
				eq(matchProposals.schemeId, schemeId),
				inArray(matchProposals.status, ['rejected', 'declined', 'timed-out'])
			)
		);
}

/** The round as the engine sees it; drafts of the round are passed as locked or not at all. */
export async function roundRequest(
	tx: Transaction,
	schemeId: string,
	mode: MatchingMode,
	now: Date,
	locked: MenteeMentor[]
): Promise<MatchingRequest> {
	const settings = await matchingSettingsOf(tx, schemeId);
	const mentors = await mentorCandidates(tx, schemeId);
	const [mentees, rejected] = await Promise.all([
		menteePool(tx, schemeId, mentors, settings),
		returnedPairs(tx, schemeId)
	]);
	return { mentors, mentees, settings, today: toCalendarDate(now), mode, locked, rejected };
}

export const draftsOf = (tx: Transaction, schemeId: string) =>
	tx
		.select()
		.from(matchProposals)
		.where(and(eq(matchProposals.schemeId, schemeId), eq(matchProposals.status, 'draft')));

/**
 * Proposes a mentor for every mentee in the pool. Locked drafts stay (rescored); every other
 * draft is replaced; rejected drafts and pairs a mentee declined or let lapse are never proposed
 * again. The same people, publications and settings give the same proposals.
 */
export async function runMatching(
	db: Database,
	schemeId: string,
	mode: MatchingMode,
	now: Date
): Promise<void> {
	await db.transaction(async (tx) => {
		if (!(await lockScheme(tx, schemeId))) return;
		const lockedDrafts = (await draftsOf(tx, schemeId)).filter((d) => d.locked);
		const request = await roundRequest(tx, schemeId, mode, now, lockedDrafts);
		const result = proposeMatches(request);
		const keep = new Map(lockedDrafts.map((d) => [`${d.menteeId} ${d.mentorId}`, d.id]));
		const kept = result.proposals.flatMap((p) => {
			const id = p.locked ? keep.get(`${p.menteeId} ${p.mentorId}`) : undefined;
			return id ? [{ id, p }] : [];
		});
		const keptIds = kept.map((k) => k.id);
		await tx
			.delete(matchProposals)
			.where(
				and(
					eq(matchProposals.schemeId, schemeId),
					eq(matchProposals.status, 'draft'),
					keptIds.length > 0 ? notInArray(matchProposals.id, keptIds) : undefined
				)
			);
		for (const { id, p } of kept) {
			await tx
				.update(matchProposals)
				.set({ score: p.score, criteria: p.criteria })
				.where(eq(matchProposals.id, id));
		}
		const fresh = result.proposals.filter((p) => !p.locked);
		if (fresh.length > 0) {
			await tx.insert(matchProposals).values(
				fresh.map((p) => ({
					schemeId,
					menteeId: p.menteeId,
					mentorId: p.mentorId,
					score: p.score,
					criteria: p.criteria,
					createdAt: now
				}))
			);
		}
		const run = { mode, ranAt: now, totalScore: result.totalScore, unmatched: result.unmatched };
		await tx
			.insert(matchingRuns)
			.values({ schemeId, ...run })
			.onConflictDoUpdate({ target: matchingRuns.schemeId, set: run });
	});
}
