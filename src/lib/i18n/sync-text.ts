import { m } from '$lib/paraglide/messages.js';
import { limitProblemText } from './limit-text';
import type { JoinRefusal, SyncProblem } from '$lib/protocol/problems';

/** Why the last sync did not work, in words the person can act on. */
export function syncProblemText(problem: SyncProblem): string {
	switch (problem.kind) {
		case 'offline':
			return m.sync_problem_offline();
		case 'revoked':
			return m.sync_problem_revoked();
		case 'rejected':
			return m.sync_problem_rejected({ field: problem.field ?? '' });
		case 'not-in-pair':
			return m.sync_problem_not_in_pair();
		case 'limit':
			return limitProblemText(problem);
		case 'server':
			return m.sync_problem_server({ status: problem.status });
	}
}

export function joinRefusalText(refusal: JoinRefusal): string {
	switch (refusal) {
		case 'unknown':
		case 'invalid':
			return m.join_refused_unknown();
		case 'expired':
			return m.join_refused_expired();
		case 'used':
			return m.join_refused_used();
		case 'rate-limited':
			return m.join_refused_rate_limited();
		case 'devices':
			return m.join_refused_devices();
	}
}
