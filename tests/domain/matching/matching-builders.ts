import {
	hardRuleBetween,
	mentorUnavailability,
	scorePair,
	type MatchingRequest,
	type MatchingResult,
	type MatchingSettings,
	type MenteeCandidate,
	type MentorCandidate
} from '$lib/domain/matching';

/** Areas only, weight 10, no rules: scores follow from the areas a test gives. */
export function settings(overrides: Partial<MatchingSettings> = {}): MatchingSettings {
	return {
		audience: 'members',
		weights: { areas: 10, gender: 0, role: 0, experience: 0, group: 0 },
		genderPreferences: false,
		separateServiceAreas: false,
		groupRule: 'none',
		ownGroupExclusion: false,
		requireTraining: false,
		formerMemberMonths: 12,
		minimumFit: 0,
		...overrides
	};
}

export function mentor(id: string, overrides: Partial<MentorCandidate> = {}): MentorCandidate {
	return {
		id,
		name: `Mentor ${id}`,
		areas: [],
		roles: [],
		level: null,
		serviceArea: null,
		group: null,
		yearsExperience: 5,
		gender: null,
		capacity: 1,
		load: 0,
		trainedOn: '2026-01-10',
		formerMemberSince: null,
		...overrides
	};
}

export function mentee(id: string, overrides: Partial<MenteeCandidate> = {}): MenteeCandidate {
	return {
		id,
		name: `Mentee ${id}`,
		areas: [],
		level: null,
		serviceArea: null,
		group: null,
		preferences: { gender: null, role: null, experience: null },
		excludedMentorIds: [],
		excludeOwnGroup: false,
		...overrides
	};
}

export function request(
	mentors: MentorCandidate[],
	mentees: MenteeCandidate[],
	overrides: Partial<MatchingRequest> = {}
): MatchingRequest {
	return {
		mentors,
		mentees,
		settings: settings(),
		today: '2026-06-01',
		mode: 'best-fit',
		locked: [],
		rejected: [],
		...overrides
	};
}

export const pairsOf = (result: MatchingResult) =>
	result.proposals.map((p) => `${p.menteeId}-${p.mentorId}${p.locked ? ' (locked)' : ''}`);

/**
 * What a run is judged on, most important first for its mode: mentees matched, total score and
 * spread (a mentor's nth place costs n - 1, counting their load and locked pairs), over the
 * pairs the run chose. Negated spread, so bigger is better at every level.
 */
export type Objective = [number, number, number];

export function objectiveOf(r: MatchingRequest, result: MatchingResult): Objective {
	const chosen = result.proposals.filter((p) => !p.locked);
	const taken = new Map<string, number>();
	let spread = 0;
	for (const p of chosen) {
		const m = r.mentors.find((x) => x.id === p.mentorId)!;
		const before = m.load + r.locked.filter((l) => l.mentorId === m.id).length;
		const n = taken.get(m.id) ?? 0;
		spread += before + n;
		taken.set(m.id, n + 1);
	}
	const total = chosen.reduce((sum, p) => sum + p.score, 0);
	return ordered(r, chosen.length, total, spread);
}

const ordered = (r: MatchingRequest, count: number, total: number, spread: number): Objective =>
	r.mode === 'everyone' ? [count, total, -spread] : [total, count, -spread];

const better = (a: Objective, b: Objective) =>
	a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2];

/**
 * The best objective over every way to place the unlocked mentees, tried one by one: the
 * reference the engine must equal on small cohorts. Locks here are one per mentee, both known.
 */
export function bruteForceObjective(r: MatchingRequest): Objective {
	const { settings: s } = r;
	const locked = new Set(r.locked.map((l) => l.menteeId));
	const mentees = r.mentees.filter((e) => !locked.has(e.id));
	const mentors = r.mentors.filter((m) => mentorUnavailability(m, s, r.today) === null);
	const before = mentors.map((m) => m.load + r.locked.filter((l) => l.mentorId === m.id).length);
	const room = mentors.map((m, i) => m.capacity - before[i]!);
	const scores = mentees.map((e) =>
		mentors.map((m) => {
			if (r.rejected.some((x) => x.menteeId === e.id && x.mentorId === m.id)) return null;
			if (hardRuleBetween(m, e, s) !== null) return null;
			const { score } = scorePair(m, e, s, 0);
			return r.mode === 'best-fit' && score < s.minimumFit ? null : score;
		})
	);
	const used = mentors.map(() => 0);
	let best: Objective = ordered(r, 0, 0, 0);
	const place = (e: number, count: number, total: number, spread: number) => {
		if (e === mentees.length) {
			const objective = ordered(r, count, total, spread);
			if (better(objective, best)) best = objective;
			return;
		}
		place(e + 1, count, total, spread);
		mentors.forEach((_, m) => {
			const score = scores[e]![m];
			if (score === null || score === undefined || used[m]! >= room[m]!) return;
			const cost = before[m]! + used[m]!;
			used[m]!++;
			place(e + 1, count + 1, total + score, spread + cost);
			used[m]!--;
		});
	};
	place(0, 0, 0, 0);
	return best;
}
