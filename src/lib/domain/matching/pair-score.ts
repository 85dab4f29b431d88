import { experienceMet, genderMet, genderPreference, roleMet, sameGroup } from './hard-rules';
import type {
	Criterion,
	MatchingSettings,
	MenteeCandidate,
	MentorCandidate,
	PairScore
} from './types';

/**
 * What a pair earns, criterion by criterion, without the mentor's load. A criterion whose weight
 * is 0 is left out; a must that is met earns its points like a nice-to-have (a must that is not
 * met is a hard rule, so such a pair is never scored for a proposal).
 */
export function pairCriteria(
	mentor: MentorCandidate,
	mentee: MenteeCandidate,
	settings: MatchingSettings
): Criterion[] {
	const { weights } = settings;
	const criteria: Criterion[] = [];
	const k = mentee.areas.length;
	if (weights.areas > 0 && k > 0) {
		// Ranked areas a1..ak weigh k..1, so sharing the first counts most.
		let shared = 0;
		let earned = 0;
		for (let rank = 0; rank < k; rank++) {
			if (mentor.areas.includes(mentee.areas[rank]!)) {
				shared++;
				earned += k - rank;
			}
		}
		const points = (weights.areas * earned) / ((k * (k + 1)) / 2);
		criteria.push({ kind: 'areas', shared, of: k, points, max: weights.areas });
	}
	const gender = genderPreference(mentee, settings);
	if (weights.gender > 0 && gender) {
		const met = genderMet(mentor, gender.value);
		const points = met ? weights.gender : 0;
		criteria.push({ kind: 'gender', met, strength: gender.strength, points, max: weights.gender });
	}
	const { role, experience } = mentee.preferences;
	if (weights.role > 0 && role) {
		const met = roleMet(mentor, role.value, settings);
		criteria.push({
			kind: 'role',
			value: role.value,
			met,
			strength: role.strength,
			points: met ? weights.role : 0,
			max: weights.role
		});
	}
	if (weights.experience > 0 && experience) {
		const met = experienceMet(mentor, experience.value);
		criteria.push({
			kind: 'experience',
			years: mentor.yearsExperience,
			asked: experience.value,
			met,
			strength: experience.strength,
			points: met ? weights.experience : 0,
			max: weights.experience
		});
	}
	const same = sameGroup(mentor, mentee, settings);
	const rule = settings.groupRule;
	if (weights.group > 0 && same !== null && (rule === 'prefer-same' || rule === 'prefer-cross')) {
		const fits = same === (rule === 'prefer-same');
		criteria.push({
			kind: 'group',
			same,
			rule,
			points: fits ? weights.group : 0,
			max: weights.group
		});
	}
	return criteria;
}

/** 0 to 100: the points earned of the points the criteria make possible. */
export function scoreOf(criteria: Criterion[]): number {
	let points = 0;
	let max = 0;
	for (const criterion of criteria) {
		if (criterion.kind === 'load' || criterion.max <= 0) continue;
		points += criterion.points;
		max += criterion.max;
	}
	return max > 0 ? Math.round((100 * points) / max) : 0;
}

/** A pair's score and its explanation, ending with the mentor's load if the pair goes ahead. */
export function scorePair(
	mentor: MentorCandidate,
	mentee: MenteeCandidate,
	settings: MatchingSettings,
	loadAfter: number
): PairScore {
	const criteria = pairCriteria(mentor, mentee, settings);
	const score = scoreOf(criteria);
	criteria.push({ kind: 'load', after: loadAfter, capacity: mentor.capacity });
	return { score, criteria };
}
