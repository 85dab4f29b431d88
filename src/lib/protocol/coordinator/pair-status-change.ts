export type PairStatusChange =
	{ ok: true; changed: boolean } | { ok: false; refusal: 'not-found' | 'ended' | 'not-allowed' };
