import { addMonths, isBefore, parseISO } from 'date-fns';
import type { MatchingSettings, MentorCandidate, MentorUnavailability } from './types';

/** Why a mentor takes no part in a run today, or null when they can be proposed. */
export function mentorUnavailability(
	mentor: MentorCandidate,
	settings: MatchingSettings,
	today: string
): MentorUnavailability | null {
	if (mentor.capacity - mentor.load <= 0) return 'no-capacity';
	if (settings.requireTraining && (mentor.trainedOn === null || mentor.trainedOn > today)) {
		return 'untrained';
	}
	if (
		mentor.formerMemberSince !== null &&
		isBefore(
			addMonths(parseISO(mentor.formerMemberSince), settings.formerMemberMonths),
			parseISO(today)
		)
	) {
		return 'former-member-period-over';
	}
	return null;
}
