import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	councillorRoles,
	greedyMatches,
	groupRules,
	hardRuleBetween,
	matchingModes,
	mentorChoices,
	mentorChoicesForMentees,
	mentorUnavailability,
	officerLevels,
	proposeMatches,
	type MatchingRequest,
	type MenteeCandidate,
	type MentorCandidate
} from '$lib/domain/matching';
import { byName, keptLocks } from '$lib/domain/matching/cohort';
import { pairCriteria, scoreOf } from '$lib/domain/matching/pair-score';
import { bruteForceObjective, objectiveOf } from './matching-builders';

const areas = ['a', 'b', 'c', 'd', 'e'];
const roles = [...councillorRoles.slice(0, 3), ...officerLevels.slice(0, 2)];
const text = (values: string[]) => fc.constantFrom<string | null>(null, ...values);
/** Mostly the usual value, sometimes one of the others: cohorts where most pairs are allowed. */
const mostly = <T>(usual: T, ...others: T[]) =>
	fc.oneof(
		{ arbitrary: fc.constant(usual), weight: 4 },
		{ arbitrary: fc.constantFrom(...others), weight: 1 }
	);
const preference = <T>(value: fc.Arbitrary<T>) =>
	fc.option(fc.record({ value, strength: mostly('nice' as const, 'must' as const) }), { freq: 2 });

const mentorFields = fc.record({
	name: fc.constantFrom('Ann', 'Bob', 'Cai'),
	areas: fc.subarray(areas),
	roles: fc.subarray(roles),
	level: text(roles),
	serviceArea: text(['Housing', 'housing ', 'Planning']),
	group: text(['Red', ' red', 'Blue', '']),
	yearsExperience: fc.integer({ min: 0, max: 10 }),
	gender: text(['Woman', 'man ', 'non-binary']),
	capacity: mostly(2, 0, 1, 3),
	load: mostly(0, 1),
	trainedOn: mostly<string | null>('2026-01-01', null, '2026-09-01'),
	formerMemberSince: mostly<string | null>(null, '2024-01-01', '2025-12-01')
});

const menteeFields = fc.record({
	name: fc.constantFrom('Dee', 'Eli', 'Fay'),
	areas: fc.shuffledSubarray(areas),
	level: text(roles),
	serviceArea: text(['Housing', 'Planning']),
	group: text(['Red', 'blue ']),
	preferences: fc.record({
		gender: preference(fc.constantFrom('woman', 'Man', 'non-binary')),
		role: preference(fc.constantFrom(...roles)),
		experience: preference(fc.integer({ min: 0, max: 10 }))
	}),
	excluded: mostly<number[]>([], [0], [1, 3]),
	excludeOwnGroup: fc.boolean()
});

const weight = fc.integer({ min: 0, max: 10 });
const matchingSettings = fc.record({
	audience: fc.constantFrom('members' as const, 'officers' as const),
	weights: fc.record({
		areas: weight,
		gender: weight,
		role: weight,
		experience: weight,
		group: weight
	}),
	genderPreferences: fc.boolean(),
	separateServiceAreas: fc.boolean(),
	groupRule: fc.constantFrom(...groupRules),
	ownGroupExclusion: fc.boolean(),
	requireTraining: fc.boolean(),
	formerMemberMonths: fc.constantFrom(6, 12),
	minimumFit: mostly(0, 20, 50, 80)
});

/**
 * A random cohort with every rule in play. Locks are one per mentee at most (to a known mentor),
 * and rejections name known people.
 */
function cohort(sizes: { mentors: number; mentees: number }) {
	return fc
		.record({
			mentors: fc.array(mentorFields, { minLength: 1, maxLength: sizes.mentors, size: 'max' }),
			mentees: fc.array(menteeFields, { minLength: 1, maxLength: sizes.mentees, size: 'max' }),
			settings: matchingSettings,
			mode: fc.constantFrom(...matchingModes),
			locks: fc.array(mostly<number | null>(null, 0, 1, 2, 3), { maxLength: sizes.mentees }),
			rejected: fc.array(fc.tuple(fc.nat(20), fc.nat(20)), { maxLength: 6 })
		})
		.map(({ mentors, mentees, settings, mode, locks, rejected }): MatchingRequest => {
			const mentorList: MentorCandidate[] = mentors.map((m, i) => ({ ...m, id: `m${i}` }));
			const menteeList: MenteeCandidate[] = mentees.map(({ excluded, ...e }, i) => ({
				...e,
				id: `e${i}`,
				excludedMentorIds: excluded.map((n) => `m${n}`)
			}));
			const known = (n: number, list: { id: string }[]) => list[n % list.length]!.id;
			return {
				mentors: mentorList,
				mentees: menteeList,
				settings,
				today: '2026-06-01',
				mode,
				locked:
					mentorList.length === 0
						? []
						: locks.flatMap((lock, i) =>
								lock === null || i >= menteeList.length
									? []
									: [{ menteeId: `e${i}`, mentorId: known(lock, mentorList) }]
							),
				rejected:
					mentorList.length === 0 || menteeList.length === 0
						? []
						: rejected.map(([e, m]) => ({
								menteeId: known(e, menteeList),
								mentorId: known(m, mentorList)
							}))
			};
		});
}

/** Every input list in another order, from a seed. */
function shuffled(r: MatchingRequest, seed: number): MatchingRequest {
	let state = seed;
	const shuffle = <T>(xs: T[]) => {
		const copy = [...xs];
		for (let i = copy.length - 1; i > 0; i--) {
			state = (state * 1103515245 + 12345) % 2147483648;
			const j = state % (i + 1);
			[copy[i], copy[j]] = [copy[j]!, copy[i]!];
		}
		return copy;
	};
	return {
		...r,
		mentors: shuffle(r.mentors),
		mentees: shuffle(r.mentees),
		locked: shuffle(r.locked),
		rejected: shuffle(r.rejected)
	};
}

const small = cohort({ mentors: 4, mentees: 6 }).map((r) => ({
	...r,
	mentors: r.mentors.map((m) => ({ ...m, capacity: Math.min(m.capacity, 2) }))
}));
const larger = cohort({ mentors: 10, mentees: 30 });

function checkRules(
	r: MatchingRequest,
	run: (r: MatchingRequest) => ReturnType<typeof proposeMatches>
) {
	const result = run(r);
	const { settings } = r;
	const mentorById = new Map(r.mentors.map((m) => [m.id, m]));
	const menteeById = new Map(r.mentees.map((e) => [e.id, e]));
	// Every mentee exactly once: proposed or unmatched with a reason.
	const seen = [
		...result.proposals.map((p) => p.menteeId),
		...result.unmatched.map((u) => u.menteeId)
	];
	expect([...seen].sort()).toEqual(r.mentees.map((e) => e.id).sort());
	for (const lock of r.locked) {
		expect(result.proposals).toContainEqual(expect.objectContaining({ ...lock, locked: true }));
	}
	const placed = new Map<string, number>();
	for (const p of result.proposals.filter((p) => !p.locked)) {
		const mentor = mentorById.get(p.mentorId)!;
		const mentee = menteeById.get(p.menteeId)!;
		expect(hardRuleBetween(mentor, mentee, settings)).toBe(null);
		expect(r.rejected).not.toContainEqual({ menteeId: p.menteeId, mentorId: p.mentorId });
		expect(mentorUnavailability(mentor, settings, r.today)).toBe(null);
		if (r.mode === 'best-fit') expect(p.score).toBeGreaterThanOrEqual(settings.minimumFit);
		placed.set(p.mentorId, (placed.get(p.mentorId) ?? 0) + 1);
	}
	for (const [mentorId, count] of placed) {
		const mentor = mentorById.get(mentorId)!;
		const locked = r.locked.filter((l) => l.mentorId === mentorId).length;
		expect(mentor.load + locked + count).toBeLessThanOrEqual(mentor.capacity);
	}
	expect(result.totalScore).toBe(result.proposals.reduce((sum, p) => sum + p.score, 0));
	if (r.mode === 'everyone') {
		for (const u of result.unmatched) {
			expect(['no-allowed-mentor', 'no-capacity']).toContain(u.reason);
		}
	}
	return result;
}

describe('matching random cohorts', () => {
	it('never proposes a pair a hard rule, rejection, unavailability or capacity forbids', () => {
		fc.assert(
			fc.property(larger, (r) => {
				checkRules(r, proposeMatches);
				checkRules(r, greedyMatches);
			}),
			{ numRuns: 200 }
		);
	});

	it('equals the brute-force optimum on small cohorts, in both modes', () => {
		fc.assert(
			fc.property(small, (r) => {
				expect(objectiveOf(r, proposeMatches(r))).toEqual(bruteForceObjective(r));
			}),
			{ numRuns: 400 }
		);
	});

	it('scores at least as well as greedy in best fit, and matches as many in "everyone"', () => {
		fc.assert(
			fc.property(larger, (r) => {
				const bestFit = { ...r, mode: 'best-fit' as const };
				expect(proposeMatches(bestFit).totalScore).toBeGreaterThanOrEqual(
					greedyMatches(bestFit).totalScore
				);
				const everyone = { ...r, mode: 'everyone' as const };
				expect(proposeMatches(everyone).proposals.length).toBeGreaterThanOrEqual(
					greedyMatches(everyone).proposals.length
				);
			}),
			{ numRuns: 200 }
		);
	});

	it('gives the same result whatever order the input comes in', () => {
		fc.assert(
			fc.property(larger, fc.nat(), (r, seed) => {
				expect(proposeMatches(shuffled(r, seed))).toEqual(proposeMatches(r));
				for (const e of r.mentees.slice(0, 3)) {
					expect(mentorChoices(shuffled(r, seed), e.id)).toEqual(mentorChoices(r, e.id));
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('offers each mentee the mentors the rules allow with a place, counting others’ locks', () => {
		// Written the plain way, one mentee at a time, to check the batched version against.
		const expected = (r: MatchingRequest, menteeId: string) => {
			const mentee = r.mentees.find((e) => e.id === menteeId)!;
			const others = keptLocks(r).filter((l) => l.menteeId !== menteeId);
			return r.mentors
				.filter(
					(m) =>
						mentorUnavailability(m, r.settings, r.today) === null &&
						hardRuleBetween(m, mentee, r.settings) === null &&
						!r.rejected.some((x) => x.menteeId === menteeId && x.mentorId === m.id)
				)
				.map((m) => ({
					m,
					score: scoreOf(pairCriteria(m, mentee, r.settings)),
					spare: m.capacity - m.load - others.filter((l) => l.mentorId === m.id).length
				}))
				.filter((c) => c.spare > 0)
				.sort((a, b) => b.score - a.score || byName(a.m, b.m))
				.map(({ m, score, spare }) => ({ mentorId: m.id, score, spare }));
		};
		fc.assert(
			fc.property(larger, (r) => {
				const ids = r.mentees.map((e) => e.id);
				const batched = mentorChoicesForMentees(r, ids);
				for (const id of ids) expect(batched.get(id)).toEqual(expected(r, id));
			}),
			{ numRuns: 200 }
		);
	});
});
