// The scheme's matching round as the coordinator reads it: drafts, those sent, those returned.

import { and, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

import { type MatchingMode, type UnmatchedReason } from '$lib/domain/matching';
import type { Database } from '../db/open-database';
import { matchingRuns, matchProposals, menteeNeeds, pairs, participants } from '../db/schema';

import { byName } from './candidates';

import {
	currentPairStatuses,
	openStatuses,
	returnedStatuses,
	type ProposalStatus
} from '$lib/domain/matching/proposal-statuses';

import { nameOf, type ProposalView } from './proposal-view';
import { expireProposals } from './proposal-sending';

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
