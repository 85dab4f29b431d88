import { addDays } from 'date-fns';
import { and, eq, inArray, isNotNull, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { toCalendarDate } from '$lib/domain/calendar-date';
import {
	hardRuleBetween,
	mentorChoices,
	mentorChoicesForMentees,
	mentorUnavailability,
	proposeMatches,
	scorePair,
	type Criterion,
	type DeclineReason,
	type MatchingMode,
	type MatchingRequest,
	type MenteeMentor,
	type UnmatchedReason
} from '$lib/domain/matching';
import type { Database, Transaction } from '../db/open-database';
import {
	matchingRuns,
	matchProposals,
	menteeNeeds,
	pairs,
	participants,
	schemes
} from '../db/schema';
import { isUuid } from '../schemes';
import { byName, mentorCandidates, menteePool } from './candidates';
import { matchingSettingsOf } from './matching-settings';
import {
	currentPairStatuses,
	openStatuses,
	returnedStatuses,
	type ProposalStatus
} from './proposal-statuses';

export type { ProposalStatus };

export interface ProposalView {
	id: string;
	menteeId: string;
	menteeName: string;
	mentorId: string;
	mentorName: string;
	score: number;
	criteria: Criterion[];
	locked: boolean;
	status: ProposalStatus;
	sentAt: string | null;
	respondBy: string | null;
	answeredAt: string | null;
	/** Declined: who said no. Timed out: whose answer was missing. Withdrawn: who withdrew. */
	declinedBy: 'mentee' | 'mentor' | null;
	declineReason: DeclineReason | null;
	pairId: string | null;
}

export interface MatchingRound {
	lastRun: { mode: MatchingMode; ranAt: string; totalScore: number } | null;
	/** Status draft (locked or not), by mentee name. */
	drafts: ProposalView[];
	/** Sent, waiting on the mentee or the mentor, soonest due first. */
	waiting: ProposalView[];
	/**
	 * Declined, timed out or withdrawn, newest first, for mentees still in the scheme and not
	 * matched or asked since.
	 */
	returned: ProposalView[];
	/** From the last run, leaving out mentees matched or proposed for since. */
	unmatched: { menteeId: string; name: string; reason: UnmatchedReason }[];
	/** Joined or invited mentees with no pair who have not published their needs. */
	menteesWithoutNeeds: { id: string; name: string }[];
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

type ProposalRow = typeof matchProposals.$inferSelect;

function viewOf(p: ProposalRow, menteeName: string, mentorName: string): ProposalView {
	return {
		id: p.id,
		menteeId: p.menteeId,
		menteeName,
		mentorId: p.mentorId,
		mentorName,
		score: p.score,
		criteria: p.criteria,
		locked: p.locked,
		status: p.status,
		sentAt: iso(p.sentAt),
		respondBy: iso(p.respondBy),
		answeredAt: iso(p.mentorAnsweredAt ?? p.menteeAnsweredAt),
		declinedBy: p.declinedBy,
		declineReason: p.declineReason,
		pairId: p.pairId
	};
}

/** Everything the coordinator's matching page shows; overdue questions are timed out first. */
export async function matchingRoundOf(
	db: Database,
	schemeId: string,
	now: Date
): Promise<MatchingRound> {
	await expireProposals(db, now);
	const mentee = alias(participants, 'mentee');
	const mentor = alias(participants, 'mentor');
	const [[run], rows, mentees, paired] = await Promise.all([
		db.select().from(matchingRuns).where(eq(matchingRuns.schemeId, schemeId)),
		db
			.select({ p: matchProposals, menteeName: mentee.name, mentorName: mentor.name })
			.from(matchProposals)
			.innerJoin(mentee, eq(mentee.id, matchProposals.menteeId))
			.innerJoin(mentor, eq(mentor.id, matchProposals.mentorId))
			.where(
				and(
					eq(matchProposals.schemeId, schemeId),
					inArray(matchProposals.status, ['draft', ...openStatuses, ...returnedStatuses])
				)
			),
		db
			.select({
				id: participants.id,
				name: participants.name,
				needsOf: menteeNeeds.participantId
			})
			.from(participants)
			.leftJoin(menteeNeeds, eq(menteeNeeds.participantId, participants.id))
			.where(
				and(
					eq(participants.schemeId, schemeId),
					eq(participants.role, 'mentee'),
					isNull(participants.revokedAt)
				)
			),
		db
			.select({ menteeId: pairs.menteeId })
			.from(pairs)
			.where(and(eq(pairs.schemeId, schemeId), inArray(pairs.status, currentPairStatuses)))
	]);
	const views = rows.map((r) => viewOf(r.p, r.menteeName, r.mentorName));
	const withStatus = (statuses: readonly ProposalStatus[]) =>
		views.filter((v) => statuses.includes(v.status));
	const drafts = withStatus(['draft']).sort((a, b) => byName(nameOf(a), nameOf(b)));
	const waiting = withStatus(openStatuses).sort(
		(a, b) => a.respondBy!.localeCompare(b.respondBy!) || byName(nameOf(a), nameOf(b))
	);
	const inPair = new Set(paired.map((p) => p.menteeId));
	const settled = new Set([...inPair, ...waiting.map((v) => v.menteeId)]);
	const closedAt = new Map(rows.map((r) => [r.p.id, r.p.closedAt?.getTime() ?? 0]));
	const nameById = new Map(mentees.map((e) => [e.id, e.name]));
	const returned = withStatus(returnedStatuses)
		.filter((v) => nameById.has(v.menteeId) && !settled.has(v.menteeId))
		.sort((a, b) => closedAt.get(b.id)! - closedAt.get(a.id)! || (a.id < b.id ? -1 : 1));
	const proposed = new Set([...settled, ...drafts.map((v) => v.menteeId)]);
	return {
		lastRun: run
			? { mode: run.mode, ranAt: run.ranAt.toISOString(), totalScore: run.totalScore }
			: null,
		drafts,
		waiting,
		returned,
		unmatched: (run?.unmatched ?? [])
			.filter((u) => nameById.has(u.menteeId) && !proposed.has(u.menteeId))
			.map((u) => ({ menteeId: u.menteeId, name: nameById.get(u.menteeId)!, reason: u.reason })),
		menteesWithoutNeeds: mentees
			.filter((e) => e.needsOf === null && !inPair.has(e.id))
			.map(({ id, name }) => ({ id, name }))
			.sort(byName)
	};
}

const nameOf = (v: ProposalView) => ({ id: v.menteeId, name: v.menteeName });

/**
 * Holds the scheme's row while the round changes, so two coordinators' runs, swaps and sends
 * happen one after the other. "No key update" leaves inserts that only point at the scheme free.
 */
async function lockScheme(tx: Transaction, schemeId: string): Promise<boolean> {
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
async function roundRequest(
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

const draftsOf = (tx: Transaction, schemeId: string) =>
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

/**
 * Sends every draft to its mentee, who has the scheme's consent days to answer. A draft naming
 * someone removed from the scheme since the run is dropped, not sent.
 */
export async function sendProposals(db: Database, schemeId: string, now: Date): Promise<number> {
	return db.transaction(async (tx) => {
		if (!(await lockScheme(tx, schemeId))) return 0;
		const removed = tx
			.select({ id: participants.id })
			.from(participants)
			.where(and(eq(participants.schemeId, schemeId), isNotNull(participants.revokedAt)));
		await tx
			.delete(matchProposals)
			.where(
				and(
					eq(matchProposals.schemeId, schemeId),
					eq(matchProposals.status, 'draft'),
					or(inArray(matchProposals.menteeId, removed), inArray(matchProposals.mentorId, removed))
				)
			);
		const { consentDays } = await matchingSettingsOf(tx, schemeId);
		const sent = await tx
			.update(matchProposals)
			.set({ status: 'with-mentee', sentAt: now, respondBy: addDays(now, consentDays) })
			.where(and(eq(matchProposals.schemeId, schemeId), eq(matchProposals.status, 'draft')))
			.returning({ id: matchProposals.id });
		return sent.length;
	});
}

/**
 * Questions past their answer-by time come back as timed out, naming whose answer was missing.
 * Every scheme at once: it is cheap (an index on the due time of open questions) and idempotent.
 */
export async function expireProposals(db: Database, now: Date): Promise<number> {
	const expired = await db
		.update(matchProposals)
		.set({
			status: 'timed-out',
			declinedBy: sql`case when ${matchProposals.status} = 'with-mentee' then 'mentee' else 'mentor' end`,
			closedAt: now
		})
		.where(and(inArray(matchProposals.status, openStatuses), lte(matchProposals.respondBy, now)))
		.returning({ id: matchProposals.id });
	return expired.length;
}
