import type { PairStatus } from '$lib/domain/pair-lifecycle';
import type { PairStatusChange } from '$lib/protocol/coordinator/pair-status-change';
import { m } from '$lib/paraglide/messages.js';

type Names = { mentor: string; mentee: string };
type Refusal = Extract<PairStatusChange, { ok: false }>['refusal'];

/** A pair's status as a coordinator reads it. */
export function pairStatusText(status: PairStatus): string {
	switch (status) {
		case 'active':
			return m.coord_status_active();
		case 'paused':
			return m.coord_status_paused();
		case 'ended':
			return m.coord_status_ended();
	}
}

/** What was done to a pair, said after the coordinator pressed Pause, Resume or End. */
export function pairChangedText(status: PairStatus, names: Names) {
	switch (status) {
		case 'active':
			return m.coord_pair_resumed(names);
		case 'paused':
			return m.coord_pair_paused(names);
		case 'ended':
			return m.coord_pair_ended(names);
	}
}

/** Why a pair was left as it was; without names when the pair is not on the page at all. */
export function pairRefusedText(refusal: Refusal, names: Names | undefined) {
	if (refusal === 'not-found' || !names) return m.coord_pair_not_found();
	return refusal === 'ended' ? m.coord_pair_end_final(names) : m.coord_pair_move_refused(names);
}
