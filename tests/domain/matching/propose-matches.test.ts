import { describe, expect, it } from 'vitest';
import { greedyMatches, mentorChoices, proposeMatches } from '$lib/domain/matching';
import { mentee, mentor, pairsOf, request, settings } from './matching-builders';

// Areas only, so each pair's score is plain from the areas: a mentee ranking [p, q, r] weighs
// them 3, 2, 1 of 6; sharing all three scores 100, p alone 50, r alone 17.
const x = mentee('x', { name: 'Xavier', areas: ['p', 'q', 'r'] });
const y = mentee('y', { name: 'Yasmin', areas: ['s', 'p'], excludedMentorIds: ['b'] });
const a = mentor('a', { name: 'Alys', areas: ['p', 'q', 'r'] });
const b = mentor('b', { name: 'Bryn', areas: ['r'] });

describe('proposing matches for a cohort', () => {
	it('in best fit, takes the highest total and leaves a mentee out rather than lower it', () => {
		// X–A 100 alone beats X–B 17 + Y–A 33.
		const result = proposeMatches(request([a, b], [x, y]));
		expect(pairsOf(result)).toEqual(['x-a']);
		expect(result.totalScore).toBe(100);
		expect(result.unmatched).toEqual([{ menteeId: 'y', reason: 'left-for-better-fit' }]);
	});

	it('in best fit, gives up an extra match rather than one point of score', () => {
		// Thirteen ranked areas: sharing all but the last scores 90 of 91 rank points, 99.
		const many = Array.from({ length: 13 }, (_, i) => `area-${i}`);
		const x13 = mentee('x', { areas: many, excludedMentorIds: [] });
		const all = mentor('a', { areas: many, capacity: 2, load: 1 });
		const allButLast = mentor('b', { areas: many.slice(0, 12) });
		const zero = mentee('y', { areas: ['z'], excludedMentorIds: ['b'] });
		const result = proposeMatches(request([all, allButLast], [x13, zero]));
		expect(pairsOf(result)).toEqual(['x-a']);
		expect(
			pairsOf(proposeMatches(request([all, allButLast], [x13, zero], { mode: 'everyone' })))
		).toEqual(['x-b', 'y-a']);
	});

	it('in best fit, still matches a mentee when it costs no score', () => {
		const roomy = { ...a, capacity: 2 };
		const unrelated = mentee('y', { areas: ['z'] });
		expect(pairsOf(proposeMatches(request([roomy], [x, unrelated])))).toEqual(['y-a', 'x-a']);
	});

	it('in "everyone", matches as many mentees as it can first', () => {
		const result = proposeMatches(request([a, b], [x, y], { mode: 'everyone' }));
		expect(pairsOf(result)).toEqual(['x-b', 'y-a']);
		expect(result.totalScore).toBe(50);
		expect(result.unmatched).toEqual([]);
	});

	it('explains each proposal, ending with the load the mentor would carry', () => {
		const roomy = { ...a, capacity: 3, load: 1 };
		const [proposal] = proposeMatches(request([roomy], [x])).proposals;
		expect(proposal).toEqual({
			menteeId: 'x',
			mentorId: 'a',
			locked: false,
			score: 100,
			criteria: [
				{ kind: 'areas', shared: 3, of: 3, points: 10, max: 10 },
				{ kind: 'load', after: 2, capacity: 3 }
			]
		});
	});

	it('leaves out pairs under the minimum fit in best fit, but not in "everyone"', () => {
		const rules = settings({ minimumFit: 20 });
		const best = proposeMatches(request([b], [x], { settings: rules }));
		expect(best.proposals).toEqual([]);
		expect(best.unmatched).toEqual([{ menteeId: 'x', reason: 'below-minimum-fit' }]);
		const everyone = proposeMatches(request([b], [x], { settings: rules, mode: 'everyone' }));
		expect(pairsOf(everyone)).toEqual(['x-b']);
	});

	it('spreads mentees across mentors when that costs no score', () => {
		const e1 = mentee('e1', { areas: ['p'] });
		const e2 = mentee('e2', { areas: ['p'] });
		const busy = mentor('a', { areas: ['p'], capacity: 2, load: 1 });
		const free = mentor('b', { areas: ['p'], capacity: 2 });
		expect(pairsOf(proposeMatches(request([busy, free], [e1])))).toEqual(['e1-b']);
		// A second place is not filled while another mentor has a first one free.
		const other = mentor('c', { areas: ['p'], capacity: 2 });
		const spread = proposeMatches(request([free, other], [e1, e2]));
		expect(spread.proposals.map((p) => p.mentorId).sort()).toEqual(['b', 'c']);
	});

	it('never trades a point of score for spread', () => {
		const good = mentor('a', { areas: ['p', 'q', 'r'], capacity: 2 });
		const weaker = mentor('b', { areas: ['p', 'q'], capacity: 2 });
		const result = proposeMatches(
			request(
				[good, weaker],
				[mentee('e1', { areas: ['p', 'q', 'r'] }), mentee('e2', { areas: ['p', 'q', 'r'] })]
			)
		);
		expect(result.proposals.map((p) => p.mentorId)).toEqual(['a', 'a']);
		expect(result.totalScore).toBe(200);
	});

	it('keeps locked pairs, counts their places, and matches around them', () => {
		const result = proposeMatches(
			request([a, b], [x, y], { locked: [{ menteeId: 'y', mentorId: 'a' }] })
		);
		expect(pairsOf(result)).toEqual(['x-b', 'y-a (locked)']);
		expect(result.proposals[1]).toMatchObject({ score: 33, locked: true });
		expect(result.totalScore).toBe(50);
	});

	it('keeps a locked pair even when the rules would not propose it', () => {
		const result = proposeMatches(
			request([a, b], [x, y], { locked: [{ menteeId: 'y', mentorId: 'b' }] })
		);
		expect(pairsOf(result)).toEqual(['x-a', 'y-b (locked)']);
	});

	it('ignores locks for people not in the run, and a second lock for one mentee', () => {
		const result = proposeMatches(
			request([a, b], [x], {
				locked: [
					{ menteeId: 'x', mentorId: 'b' },
					{ menteeId: 'x', mentorId: 'a' },
					{ menteeId: 'gone', mentorId: 'a' },
					{ menteeId: 'x', mentorId: 'gone' }
				]
			})
		);
		expect(pairsOf(result)).toEqual(['x-a (locked)']);
	});

	it('never proposes a rejected pair again', () => {
		const result = proposeMatches(
			request([a, b], [x], { rejected: [{ menteeId: 'x', mentorId: 'a' }] })
		);
		expect(pairsOf(result)).toEqual(['x-b']);
	});

	it('lists unavailable mentors with their reason and gives them no one', () => {
		const untrained = { ...a, trainedOn: null };
		const full = { ...b, load: 1 };
		const result = proposeMatches(
			request([untrained, full], [x], { settings: settings({ requireTraining: true }) })
		);
		expect(result.proposals).toEqual([]);
		expect(result.unavailableMentors).toEqual([
			{ mentorId: 'a', reason: 'untrained' },
			{ mentorId: 'b', reason: 'no-capacity' }
		]);
		expect(result.unmatched).toEqual([{ menteeId: 'x', reason: 'no-allowed-mentor' }]);
	});

	it('says the places went to others when allowed mentors are full', () => {
		const x2 = { ...x, id: 'x2', name: 'Xena' };
		const everyone = proposeMatches(request([a], [x, x2], { mode: 'everyone' }));
		expect(everyone.unmatched).toEqual([{ menteeId: 'x2', reason: 'no-capacity' }]);
		const lockedFull = proposeMatches(
			request([a], [x, y], { locked: [{ menteeId: 'y', mentorId: 'a' }] })
		);
		expect(lockedFull.unmatched).toEqual([{ menteeId: 'x', reason: 'no-capacity' }]);
	});

	it('orders proposals by mentee name, then id', () => {
		const mentees = ['e3', 'e1', 'e2'].map((id, i) =>
			mentee(id, { name: ['Bea', 'Bea', 'Ann'][i], areas: ['p'] })
		);
		const result = proposeMatches(request([mentor('m', { areas: ['p'], capacity: 3 })], mentees));
		expect(result.proposals.map((p) => p.menteeId)).toEqual(['e2', 'e1', 'e3']);
	});

	it('gives an empty result for an empty cohort', () => {
		expect(proposeMatches(request([], []))).toEqual({
			proposals: [],
			unmatched: [],
			unavailableMentors: [],
			totalScore: 0
		});
	});
});

describe('the greedy baseline', () => {
	// X comes first and takes A; Y can only have A, so Y waits.
	const x1 = mentee('x', { areas: ['p', 'q', 'r'] });
	const y1 = mentee('y', { areas: ['s'] });
	const a1 = mentor('a', { areas: ['p', 'q', 'r', 's'] });
	const b1 = mentor('b', { areas: ['p'] });
	const crafted = request([a1, b1], [x1, y1], { settings: settings({ minimumFit: 10 }) });

	it('serves mentees first come, first served', () => {
		const greedy = greedyMatches(crafted);
		expect(pairsOf(greedy)).toEqual(['x-a']);
		expect(greedy.totalScore).toBe(100);
		expect(greedy.unmatched).toEqual([{ menteeId: 'y', reason: 'no-capacity' }]);
		expect(pairsOf(greedyMatches({ ...crafted, mentees: [y1, x1] }))).toEqual(['x-b', 'y-a']);
	});

	it('is beaten by the optimal run on a crafted cohort', () => {
		const optimal = proposeMatches(crafted);
		expect(pairsOf(optimal)).toEqual(['x-b', 'y-a']);
		expect(optimal.totalScore).toBe(150);
		expect(optimal.totalScore).toBeGreaterThan(greedyMatches(crafted).totalScore);
	});
});

describe('the mentors a coordinator may choose by hand', () => {
	const c = mentor('c', { name: 'Alys', areas: ['r'], capacity: 2 });

	it('lists allowed mentors with a place, best score first, then by name and id', () => {
		expect(mentorChoices(request([b, a, c], [x, y]), 'x')).toEqual([
			{ mentorId: 'a', score: 100, spare: 1 },
			{ mentorId: 'c', score: 17, spare: 2 },
			{ mentorId: 'b', score: 17, spare: 1 }
		]);
	});

	it('leaves out excluded, rejected, unavailable and full mentors', () => {
		const r = request([a, b, c, { ...mentor('d'), capacity: 0 }], [x, y], {
			rejected: [{ menteeId: 'y', mentorId: 'c' }],
			locked: [{ menteeId: 'x', mentorId: 'a' }]
		});
		expect(mentorChoices(r, 'y')).toEqual([]);
	});

	it("does not count the mentee's own lock against its mentor", () => {
		const r = request([a], [x], { locked: [{ menteeId: 'x', mentorId: 'a' }] });
		expect(mentorChoices(r, 'x')).toEqual([{ mentorId: 'a', score: 100, spare: 1 }]);
		expect(mentorChoices(r, 'nobody')).toEqual([]);
	});
});
