import type { PairActivity } from '$lib/domain/stalling';
import { m } from '$lib/paraglide/messages.js';

type PairStatus = PairActivity['status'];

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
export function pairChangedText(status: PairStatus, names: { mentor: string; mentee: string }) {
	switch (status) {
		case 'active':
			return m.coord_pair_resumed(names);
		case 'paused':
			return m.coord_pair_paused(names);
		case 'ended':
			return m.coord_pair_ended(names);
	}
}
