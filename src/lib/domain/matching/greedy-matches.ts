import { prepareCohort, proposable } from './cohort';
import { matchingResult, type ChosenPair } from './match-result';
import type { MatchingRequest, MatchingResult } from './types';

/**
 * The baseline the optimal run is measured against: first come, first served. Mentees in the
 * order given each take the highest-scoring mentor they may have who still has a place (ties go
 * to the lower id), under the same rules and locked pairs as the optimal run.
 */
export function greedyMatches(request: MatchingRequest): MatchingResult {
	const cohort = prepareCohort(request);
	const { mentors, mentees, scores } = cohort;
	const room = Int32Array.from(cohort.room);
	const index = new Map(mentees.map((mentee, e) => [mentee.id, e]));
	const chosen: ChosenPair[] = [];
	for (const { id } of request.mentees) {
		const e = index.get(id);
		if (e === undefined) continue;
		index.delete(id);
		let best = -1;
		for (let m = 0; m < mentors.length; m++) {
			const score = scores[e * mentors.length + m]!;
			if (
				room[m]! > 0 &&
				proposable(score, request) &&
				(best < 0 || score > scores[e * mentors.length + best]!)
			) {
				best = m;
			}
		}
		if (best < 0) continue;
		room[best]!--;
		chosen.push({ mentee: e, mentor: best });
	}
	return matchingResult(cohort, chosen, false);
}
