import { mentorUnavailability } from './eligibility';
import { hardRuleBetween } from './hard-rules';
import { pairCriteria, scoreOf } from './pair-score';
import type {
	MatchingRequest,
	MenteeCandidate,
	MenteeMentor,
	MentorCandidate,
	MentorUnavailability
} from './types';

/** Ids compared by code unit, so the order never depends on the machine's locale. */
export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const byName = (a: { id: string; name: string }, b: { id: string; name: string }) =>
	a.name.localeCompare(b.name) || compareIds(a.id, b.id);

/**
 * The locked pairs that can be kept: both people are in the run, and a mentee locked twice keeps
 * the first pair in id order. A lock stands even if the rules or the mentor's availability have
 * changed since: the coordinator chose it.
 */
export function keptLocks(request: MatchingRequest): MenteeMentor[] {
	const mentors = new Set(request.mentors.map((m) => m.id));
	const mentees = new Set(request.mentees.map((e) => e.id));
	const kept = new Map<string, MenteeMentor>();
	const sorted = [...request.locked].sort(
		(a, b) => compareIds(a.menteeId, b.menteeId) || compareIds(a.mentorId, b.mentorId)
	);
	for (const lock of sorted) {
		if (mentors.has(lock.mentorId) && mentees.has(lock.menteeId) && !kept.has(lock.menteeId)) {
			kept.set(lock.menteeId, { menteeId: lock.menteeId, mentorId: lock.mentorId });
		}
	}
	return [...kept.values()];
}

/** Per mentee, the mentors they may not be proposed again this round. */
export function rejections(request: MatchingRequest): Map<string, Set<string>> {
	const rejected = new Map<string, Set<string>>();
	for (const { menteeId, mentorId } of request.rejected) {
		rejected.set(menteeId, (rejected.get(menteeId) ?? new Set()).add(mentorId));
	}
	return rejected;
}

export function lockCounts(locks: MenteeMentor[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const lock of locks) counts.set(lock.mentorId, (counts.get(lock.mentorId) ?? 0) + 1);
	return counts;
}

/** Can the run propose a pair with this score? Best fit also leaves out pairs under the minimum. */
export function proposable(score: number, request: MatchingRequest): boolean {
	return score >= 0 && (request.mode === 'everyone' || score >= request.settings.minimumFit);
}

/** Everything a run needs, worked out once and in id order whatever order the input came in. */
export interface Cohort {
	request: MatchingRequest;
	locks: MenteeMentor[];
	unavailable: { mentor: MentorCandidate; reason: MentorUnavailability }[];
	/** Mentors who can be proposed, by id. */
	mentors: MentorCandidate[];
	/** Mentees still to match (not locked), by id. */
	mentees: MenteeCandidate[];
	/** Per mentor: places left for this run once their load and locked pairs are counted. */
	room: Int32Array;
	/** mentees × mentors, row by row: the pair's score, or -1 when a hard rule or rejection forbids it. */
	scores: Int8Array;
}

export function prepareCohort(request: MatchingRequest): Cohort {
	const { settings, today } = request;
	const locks = keptLocks(request);
	const lockedMentees = new Set(locks.map((l) => l.menteeId));
	const unavailable: Cohort['unavailable'] = [];
	const mentors: MentorCandidate[] = [];
	for (const mentor of [...request.mentors].sort((a, b) => compareIds(a.id, b.id))) {
		const reason = mentorUnavailability(mentor, settings, today);
		if (reason) unavailable.push({ mentor, reason });
		else mentors.push(mentor);
	}
	const mentees = request.mentees
		.filter((e) => !lockedMentees.has(e.id))
		.sort((a, b) => compareIds(a.id, b.id));
	const locked = lockCounts(locks);
	const room = new Int32Array(mentors.length);
	mentors.forEach((mentor, m) => {
		room[m] = mentor.capacity - mentor.load - (locked.get(mentor.id) ?? 0);
	});
	const rejected = rejections(request);
	const scores = new Int8Array(mentees.length * mentors.length);
	for (let e = 0; e < mentees.length; e++) {
		const mentee = mentees[e]!;
		const rejectedMentors = rejected.get(mentee.id);
		for (let m = 0; m < mentors.length; m++) {
			const mentor = mentors[m]!;
			const forbidden =
				rejectedMentors?.has(mentor.id) || hardRuleBetween(mentor, mentee, settings) !== null;
			scores[e * mentors.length + m] = forbidden
				? -1
				: scoreOf(pairCriteria(mentor, mentee, settings));
		}
	}
	return { request, locks, unavailable, mentors, mentees, room, scores };
}
