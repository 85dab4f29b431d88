import { m } from '$lib/paraglide/messages.js';
import { limitProblemText } from './limit-text';
import type { BackupProblem, LinkRefusal, PairProblem } from '$lib/protocol/problems';

/** Why the pair's last exchange did not work, in words the person can act on. */
export function pairProblemText(problem: PairProblem): string {
	switch (problem.kind) {
		case 'offline':
			return m.link_problem_offline();
		case 'revoked':
			return m.sync_problem_revoked();
		case 'key-mismatch':
			return m.link_problem_key_mismatch();
		case 'not-in-pair':
			return m.link_problem_not_in_pair();
		case 'not-linked':
			return m.link_problem_not_linked();
		case 'ended':
			return m.link_problem_ended();
		case 'limit':
			return limitProblemText(problem);
		case 'server':
			return m.sync_problem_server({ status: problem.status });
	}
}

export function linkRefusalText(refusal: LinkRefusal): string {
	switch (refusal) {
		case 'not-joined':
			return m.link_refused_not_joined();
		case 'not-in-scheme':
			return m.link_refused_not_in_scheme();
		case 'ended':
			return m.link_problem_ended();
		case 'linked-elsewhere':
			return m.link_problem_key_mismatch();
		case 'invalid-code':
			return m.link_refused_invalid_code();
		case 'wrong-code':
			return m.link_refused_wrong_code();
		case 'no-offer':
			return m.link_refused_no_offer();
		case 'offline':
			return m.link_refused_offline();
	}
}

export function backupProblemText(problem: BackupProblem | { kind: 'offline' }): string {
	switch (problem.kind) {
		case 'offline':
			return m.backup_problem_offline();
		case 'revoked':
			return m.sync_problem_revoked();
		case 'too-large':
			return m.backup_problem_too_large();
		case 'limit':
			return limitProblemText(problem);
		case 'server':
			return m.sync_problem_server({ status: problem.status });
	}
}
