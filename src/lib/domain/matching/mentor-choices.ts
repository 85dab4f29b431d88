import { byName, keptLocks, lockCounts, rejections } from './cohort';
import { mentorUnavailability } from './eligibility';
import { hardRuleBetween } from './hard-rules';
import { pairCriteria, scoreOf } from './pair-score';
import type { MatchingRequest } from './types';

export interface MentorChoiceScore {
	mentorId: string;
	score: number;
	spare: number;
}

/**
 * The mentors a coordinator may choose for each of these mentees by hand: available, allowed by
 * every hard rule and rejection, and with a place left once other mentees' locked pairs are
 * counted (the mentee's own lock is the one being changed). Best score first, then by name and
 * id. A choice may score under the minimum fit: the coordinator decides. Locks, rejections and
 * availability are worked out once for all the mentees.
 */
export function mentorChoicesForMentees(
	request: MatchingRequest,
	menteeIds: readonly string[]
): Map<string, MentorChoiceScore[]> {
	const { settings, today } = request;
	const locks = keptLocks(request);
	const ownLock = new Map(locks.map((l) => [l.menteeId, l.mentorId]));
	const locked = lockCounts(locks);
	const rejected = rejections(request);
	const available = request.mentors.filter(
		(mentor) => mentorUnavailability(mentor, settings, today) === null
	);
	const menteeById = new Map(request.mentees.map((e) => [e.id, e]));
	const choices = new Map<string, MentorChoiceScore[]>();
	for (const menteeId of menteeIds) {
		const mentee = menteeById.get(menteeId);
		if (!mentee) {
			choices.set(menteeId, []);
			continue;
		}
		const refused = rejected.get(menteeId);
		const mine = ownLock.get(menteeId);
		const spareOf = (mentorId: string, capacity: number, load: number) =>
			capacity - load - (locked.get(mentorId) ?? 0) + (mine === mentorId ? 1 : 0);
		choices.set(
			menteeId,
			available
				.filter((m) => !refused?.has(m.id) && hardRuleBetween(m, mentee, settings) === null)
				.map((mentor) => ({
					mentor,
					score: scoreOf(pairCriteria(mentor, mentee, settings)),
					spare: spareOf(mentor.id, mentor.capacity, mentor.load)
				}))
				.filter((choice) => choice.spare > 0)
				.sort((a, b) => b.score - a.score || byName(a.mentor, b.mentor))
				.map(({ mentor, score, spare }) => ({ mentorId: mentor.id, score, spare }))
		);
	}
	return choices;
}

/** The same, for one mentee. */
export function mentorChoices(request: MatchingRequest, menteeId: string): MentorChoiceScore[] {
	return mentorChoicesForMentees(request, [menteeId]).get(menteeId)!;
}
