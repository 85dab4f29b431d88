import type { BackupApi } from './backup-api';
import { normaliseRecoveryCode, recoveryAuth } from '$lib/replica/crypto/backup-crypto';
import type { BackupSync, RestoreOutcome, Unlock } from './backup-sync';
import type { JoinRefusal } from '$lib/protocol/problems';
import type { SchemeMembership } from '$lib/local/rows/scheme-membership';
import type { SchemeSync } from './scheme-sync';

export type Rejoined =
	| { ok: true; membership: SchemeMembership; recoveryCode: string | null }
	| { ok: false; refusal: JoinRefusal | 'unknown-recovery-code' | 'offline' };

/**
 * A new phone getting everything back: it rejoins the scheme as the same person (with their
 * recovery code, or a fresh invitation from the coordinator), then unlocks and merges their
 * backups before the scheme's pairs are linked, so nothing is made twice.
 */
export class DeviceRestore {
	constructor(
		private readonly scheme: SchemeSync,
		private readonly backups: BackupSync,
		private readonly api: BackupApi
	) {}

	async rejoin(typed: string): Promise<Rejoined> {
		const recoveryCode = normaliseRecoveryCode(typed);
		if (recoveryCode) {
			const recovered = await this.api.recover(await recoveryAuth(recoveryCode));
			if (!recovered.ok) {
				const { kind } = recovered.problem;
				return { ok: false, refusal: kind === 'offline' ? 'offline' : 'unknown-recovery-code' };
			}
			const { membership } = await this.scheme.joined(recovered.value, { sync: false });
			return { ok: true, membership, recoveryCode };
		}
		const joined = await this.scheme.join(typed, { sync: false });
		if (joined.ok) return { ok: true, membership: joined.membership, recoveryCode: null };
		return { ok: false, refusal: 'refusal' in joined ? joined.refusal : 'offline' };
	}

	restore(membership: SchemeMembership, unlock: Unlock): Promise<RestoreOutcome> {
		return this.backups.restore(membership, membership.participantId, unlock);
	}
}
