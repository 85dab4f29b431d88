import { maximumWeightMatching } from './assignment';
import { prepareCohort, proposable, type Cohort } from './cohort';
import { matchingResult, type ChosenPair } from './match-result';
import type { MatchingRequest, MatchingResult } from './types';

/** Past this the spread tie-break stops growing: the weights stay small and exact. */
const SPREAD_CAP = 64;

/**
 * The best assignment for the whole cohort at once. Each mentor becomes one column per place
 * left, and one exact maximum-weight matching decides every pair. Its weights encode, most
 * important first:
 * - "everyone": mentees matched, then total score, then spread;
 * - best fit: total score, then mentees matched (a pair that costs no points still helps
 *   someone), then spread.
 * Spread: a mentor's nth place costs n - 1 (counting their load and locked pairs), so mentees go
 * to mentors with room to spare before a second place is filled. Each level's unit is larger
 * than anything the levels below can add up to over the whole run, so spread never costs a point
 * of score and score never costs a match in "everyone".
 */
export function proposeMatches(request: MatchingRequest): MatchingResult {
	const cohort = prepareCohort(request);
	return matchingResult(cohort, optimalPairs(cohort), true);
}

function optimalPairs(cohort: Cohort): ChosenPair[] {
	const { request, mentors, mentees, room, scores } = cohort;
	const proposableFor = new Int32Array(mentors.length);
	for (let e = 0; e < mentees.length; e++) {
		for (let m = 0; m < mentors.length; m++) {
			if (proposable(scores[e * mentors.length + m]!, request)) proposableFor[m]!++;
		}
	}
	// One slot per place a mentor can fill; never more than the mentees they could take.
	const slotMentor: number[] = [];
	const slotSpread: number[] = [];
	let maxSpread = 0;
	mentors.forEach((mentor, m) => {
		const taken = mentor.capacity - room[m]!;
		for (let n = 0; n < Math.min(room[m]!, proposableFor[m]!); n++) {
			const spread = Math.min(taken + n, SPREAD_CAP);
			slotMentor.push(m);
			slotSpread.push(spread);
			maxSpread = Math.max(maxSpread, spread);
		}
	});
	const slots = slotMentor.length;
	if (slots === 0 || mentees.length === 0) return [];

	const most = Math.min(slots, mentees.length);
	const spreadUnit = most * maxSpread + 1;
	const everyone = request.mode === 'everyone';
	const scoreUnit = everyone ? spreadUnit : (most + 1) * spreadUnit;
	const matchUnit = everyone ? (100 * most + 1) * spreadUnit : spreadUnit;
	if (most * (matchUnit + 100 * scoreUnit) >= Number.MAX_SAFE_INTEGER) {
		throw new RangeError('The cohort is too large to match exactly');
	}
	const weightOf = (e: number, slot: number) => {
		const score = scores[e * mentors.length + slotMentor[slot]!]!;
		if (!proposable(score, request)) return 0;
		return matchUnit + score * scoreUnit - slotSpread[slot]!;
	};

	// The smaller side becomes the rows.
	const slotRows = slots <= mentees.length;
	const rows = slotRows ? slots : mentees.length;
	const columns = slotRows ? mentees.length : slots;
	const weight = new Float64Array(rows * columns);
	for (let i = 0; i < rows; i++) {
		for (let j = 0; j < columns; j++) {
			weight[i * columns + j] = slotRows ? weightOf(j, i) : weightOf(i, j);
		}
	}
	const matching = maximumWeightMatching(weight, rows, columns);
	const chosen: ChosenPair[] = [];
	matching.forEach((j, i) => {
		if (j < 0) return;
		const [e, slot] = slotRows ? [j, i] : [i, j];
		chosen.push({ mentee: e, mentor: slotMentor[slot]! });
	});
	return chosen;
}
