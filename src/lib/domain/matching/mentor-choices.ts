import { byName, keptLocks, lockCounts, rejections } from './cohort';
import { mentorUnavailability } from './eligibility';
import { hardRuleBetween } from './hard-rules';
import { pairCriteria, scoreOf } from './pair-score';
import type { MatchingRequest } from './types';

/**
 * The mentors a coordinator may choose for one mentee by hand: available, allowed by every hard
 * rule and rejection, and with a place left once other mentees' locked pairs are counted (this
 * mentee's own lock is the one being changed). Best score first, then by name and id. A choice
 * may score under the minimum fit: the coordinator decides.
 */
export function mentorChoices(
	request: MatchingRequest,
	menteeId: string
): { mentorId: string; score: number; spare: number }[] {
	const mentee = request.mentees.find((e) => e.id === menteeId);
	if (!mentee) return [];
	const { settings, today } = request;
	const locked = lockCounts(keptLocks(request).filter((l) => l.menteeId !== menteeId));
	const rejected = rejections(request).get(menteeId);
	return request.mentors
		.filter(
			(mentor) =>
				mentorUnavailability(mentor, settings, today) === null &&
				!rejected?.has(mentor.id) &&
				hardRuleBetween(mentor, mentee, settings) === null
		)
		.map((mentor) => ({
			mentor,
			score: scoreOf(pairCriteria(mentor, mentee, settings)),
			spare: mentor.capacity - mentor.load - (locked.get(mentor.id) ?? 0)
		}))
		.filter((choice) => choice.spare > 0)
		.sort((a, b) => b.score - a.score || byName(a.mentor, b.mentor))
		.map(({ mentor, score, spare }) => ({ mentorId: mentor.id, score, spare }));
}
