import type { MentorUnavailability, UnmatchedReason } from '$lib/domain/matching/types';
import type { DeclineReason } from '$lib/domain/matching/vocabulary';
import type { FieldProblem } from '$lib/domain/validation';
import { formatTimestamp } from '$lib/i18n/format';
import { declineReasonText } from '$lib/i18n/matching-vocabulary-text';
import { problemText } from '$lib/i18n/problem-text';
import { m } from '$lib/paraglide/messages.js';
import type { ProposalStatus } from '$lib/domain/matching/proposal-statuses';

/** The words a coordinator reads about a matching round: who is left out, and why. */

export function unmatchedReasonText(reason: UnmatchedReason): string {
	switch (reason) {
		case 'no-allowed-mentor':
			return m.coord_match_unmatched_no_allowed_mentor();
		case 'no-capacity':
			return m.coord_match_unmatched_no_capacity();
		case 'below-minimum-fit':
			return m.coord_match_unmatched_below_minimum_fit();
		case 'left-for-better-fit':
			return m.coord_match_unmatched_left_for_better_fit();
	}
}

/** Why a mentor cannot be proposed now; null means they can. */
export function mentorAvailabilityText(
	unavailability: MentorUnavailability | 'not-published' | null
): string {
	switch (unavailability) {
		case null:
			return m.coord_match_available();
		case 'no-capacity':
			return m.coord_match_unavailable_no_capacity();
		case 'untrained':
			return m.coord_match_unavailable_untrained();
		case 'former-member-period-over':
			return m.coord_match_unavailable_former_member();
		case 'not-published':
			return m.coord_match_unavailable_not_published();
	}
}

export interface EndedProposal {
	status: ProposalStatus;
	/** Declined: who said no. Timed out: whose answer was missing. Withdrawn: who withdrew. */
	declinedBy: 'mentee' | 'mentor' | null;
	declineReason: DeclineReason | null;
	respondBy: string | null;
}

/** Why a proposal came back to the pool: "Declined by the mentee: Not the right time". */
export function returnedText(p: EndedProposal): string {
	switch (p.status) {
		case 'declined': {
			const reason = p.declineReason ? declineReasonText(p.declineReason) : m.match_decline_other();
			return p.declinedBy === 'mentor'
				? m.coord_match_returned_declined_mentor({ reason })
				: m.coord_match_returned_declined_mentee({ reason });
		}
		case 'timed-out': {
			const date = p.respondBy ? formatTimestamp(p.respondBy) : '';
			return p.declinedBy === 'mentor'
				? m.coord_match_returned_timed_out_mentor({ date })
				: m.coord_match_returned_timed_out_mentee({ date });
		}
		default:
			if (p.declinedBy === 'mentee') return m.coord_match_returned_withdrawn_mentee();
			if (p.declinedBy === 'mentor') return m.coord_match_returned_withdrawn_mentor();
			return m.coord_match_returned_withdrawn();
	}
}

/** Why a matching action was refused: a field problem, or a swap the rules do not allow. */
export type SwapProblem = FieldProblem | 'not-allowed' | 'no-capacity';

export function swapProblemText(problem: SwapProblem): string {
	switch (problem) {
		case 'not-allowed':
			return m.coord_match_swap_not_allowed();
		case 'no-capacity':
			return m.coord_match_swap_no_capacity();
		default:
			return problemText(problem) ?? '';
	}
}
