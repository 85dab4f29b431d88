// A proposal as the coordinator's matching page shows it.

import { type Criterion, type DeclineReason } from '$lib/domain/matching';

import { type ProposalStatus } from '$lib/domain/matching/proposal-statuses';

export interface ProposalView {
	id: string;
	menteeId: string;
	menteeName: string;
	mentorId: string;
	mentorName: string;
	score: number;
	criteria: Criterion[];
	locked: boolean;
	status: ProposalStatus;
	sentAt: string | null;
	respondBy: string | null;
	answeredAt: string | null;
	/** Declined: who said no. Timed out: whose answer was missing. Withdrawn: who withdrew. */
	declinedBy: 'mentee' | 'mentor' | null;
	declineReason: DeclineReason | null;
	pairId: string | null;
}

export const nameOf = (v: ProposalView) => ({ id: v.menteeId, name: v.menteeName });
