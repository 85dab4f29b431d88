import { byName, proposable, type Cohort } from './cohort';
import { scorePair } from './pair-score';
import type { MatchProposal, MatchingResult, UnmatchedReason } from './types';

/** A pair the run chose: indexes into the cohort's mentees and mentors. */
export interface ChosenPair {
	mentee: number;
	mentor: number;
}

/**
 * Why a mentee was left out. Exactly one reason, tried in this order:
 * 1. 'no-allowed-mentor': every mentor is unavailable or ruled out by a hard rule or rejection.
 * 2. 'below-minimum-fit' (best fit): mentors are allowed, but none reaches the minimum fit.
 * 3. 'left-for-better-fit' (best fit, optimal run): a mentor who fits had places in this run,
 *    and the optimum gave them to others for a higher total.
 * 4. 'no-capacity': the places of every mentor who fits went to others: to other mentees (as
 *    many as can be matched, in "everyone"; earlier ones, in the greedy baseline) or to locked
 *    pairs.
 */
function unmatchedReason(cohort: Cohort, mentee: number, optimal: boolean): UnmatchedReason {
	const { request, mentors, scores, room } = cohort;
	let allowed = false;
	let fits = false;
	let hadRoom = false;
	for (let m = 0; m < mentors.length; m++) {
		const score = scores[mentee * mentors.length + m]!;
		if (score < 0) continue;
		allowed = true;
		if (!proposable(score, request)) continue;
		fits = true;
		if (room[m]! > 0) hadRoom = true;
	}
	if (!allowed) return 'no-allowed-mentor';
	if (!fits) return 'below-minimum-fit';
	return optimal && request.mode === 'best-fit' && hadRoom ? 'left-for-better-fit' : 'no-capacity';
}

/** The locked and chosen pairs as explained proposals, a reason for each mentee left out. */
export function matchingResult(
	cohort: Cohort,
	chosen: ChosenPair[],
	optimal: boolean
): MatchingResult {
	const { request, locks, mentors, mentees } = cohort;
	const mentorById = new Map(request.mentors.map((m) => [m.id, m]));
	const menteeById = new Map(request.mentees.map((e) => [e.id, e]));
	const pairs = [
		...locks.map((l) => ({ ...l, locked: true })),
		...chosen.map((c) => ({
			menteeId: mentees[c.mentee]!.id,
			mentorId: mentors[c.mentor]!.id,
			locked: false
		}))
	];
	const taken = new Map<string, number>();
	for (const p of pairs) taken.set(p.mentorId, (taken.get(p.mentorId) ?? 0) + 1);
	const proposals: MatchProposal[] = pairs
		.map((p) => {
			const mentor = mentorById.get(p.mentorId)!;
			const loadAfter = mentor.load + taken.get(p.mentorId)!;
			return {
				...p,
				...scorePair(mentor, menteeById.get(p.menteeId)!, request.settings, loadAfter)
			};
		})
		.sort((a, b) => byName(menteeById.get(a.menteeId)!, menteeById.get(b.menteeId)!));
	const matched = new Set(chosen.map((c) => c.mentee));
	const unmatched = mentees
		.map((mentee, e) => ({ mentee, e }))
		.filter(({ e }) => !matched.has(e))
		.sort((a, b) => byName(a.mentee, b.mentee))
		.map(({ mentee, e }) => ({ menteeId: mentee.id, reason: unmatchedReason(cohort, e, optimal) }));
	const unavailableMentors = [...cohort.unavailable]
		.sort((a, b) => byName(a.mentor, b.mentor))
		.map(({ mentor, reason }) => ({ mentorId: mentor.id, reason }));
	const totalScore = proposals.reduce((sum, p) => sum + p.score, 0);
	return { proposals, unmatched, unavailableMentors, totalScore };
}
