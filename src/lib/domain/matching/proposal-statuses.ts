/** Where a proposed match stands, from the coordinator's draft to the answer. */
export const proposalStatuses = [
	'draft',
	'rejected',
	'with-mentee',
	'with-mentor',
	'accepted',
	'declined',
	'timed-out',
	'withdrawn'
] as const;

export type ProposalStatus = (typeof proposalStatuses)[number];

/** Sent and waiting on the mentee's or the mentor's answer: the mentor's place is held. */
export const openStatuses = ['with-mentee', 'with-mentor'] as const satisfies ProposalStatus[];

/** Came back to the coordinator: the mentee is in the pool again. */
export const returnedStatuses = [
	'declined',
	'timed-out',
	'withdrawn'
] as const satisfies ProposalStatus[];

/** Pairs that hold a mentor's place and keep a mentee out of the pool. */
export const currentPairStatuses = ['active', 'paused'] as const;
