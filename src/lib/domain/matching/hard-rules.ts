import { genderKey } from './gender-words';
import { known, sameText } from './text-match';
import type {
	HardRule,
	MatchingSettings,
	MenteeCandidate,
	MentorCandidate,
	Preference
} from './types';

/** Gender counts only where the scheme turns the preference on and the mentee stated one. */
export function genderPreference(
	mentee: MenteeCandidate,
	settings: MatchingSettings
): Preference<string> | null {
	const gender = mentee.preferences.gender;
	return settings.genderPreferences && gender !== null && known(gender.value) ? gender : null;
}

/** Does the mentor meet a preference? Shared by the hard rules (a must) and the score (a nice). */
export function genderMet(mentor: MentorCandidate, value: string): boolean {
	return known(mentor.gender) && genderKey(mentor.gender) === genderKey(value);
}

export function roleMet(mentor: MentorCandidate, value: string, settings: MatchingSettings) {
	return settings.audience === 'members' ? mentor.roles.includes(value) : mentor.level === value;
}

export function experienceMet(mentor: MentorCandidate, asked: number): boolean {
	return mentor.yearsExperience >= asked;
}

/** Member schemes only, and only when both political groups are known. */
export function sameGroup(
	mentor: MentorCandidate,
	mentee: MenteeCandidate,
	settings: MatchingSettings
): boolean | null {
	if (settings.audience !== 'members' || !known(mentor.group) || !known(mentee.group)) return null;
	return sameText(mentor.group, mentee.group);
}

/**
 * The first rule that forbids the pair, or null. A rejection is not judged here: the run's
 * request carries those.
 */
export function hardRuleBetween(
	mentor: MentorCandidate,
	mentee: MenteeCandidate,
	settings: MatchingSettings
): HardRule | null {
	if (mentee.excludedMentorIds.includes(mentor.id)) return 'excluded-by-mentee';
	if (
		settings.audience === 'officers' &&
		settings.separateServiceAreas &&
		sameText(mentor.serviceArea, mentee.serviceArea)
	) {
		return 'same-service-area';
	}
	const same = sameGroup(mentor, mentee, settings);
	if (same === true && settings.groupRule === 'exclude-same') return 'same-group-excluded';
	if (same === false && settings.groupRule === 'exclude-cross') return 'cross-party-excluded';
	if (same === true && settings.ownGroupExclusion && mentee.excludeOwnGroup) {
		return 'own-group-excluded';
	}
	const gender = genderPreference(mentee, settings);
	if (gender?.strength === 'must' && !genderMet(mentor, gender.value)) {
		return 'must-gender';
	}
	const { role, experience } = mentee.preferences;
	if (role?.strength === 'must' && !roleMet(mentor, role.value, settings)) return 'must-role';
	if (experience?.strength === 'must' && !experienceMet(mentor, experience.value)) {
		return 'must-experience';
	}
	return null;
}
