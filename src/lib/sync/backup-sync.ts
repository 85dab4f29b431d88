import type { BackupRepository } from '$lib/local/backup-repository';
import { snapshotContent, type BackupSnapshot } from '$lib/local/backup-snapshot';
import type { RecordCheck } from '$lib/replica/record-checks';
import type { BackupApi } from './backup-api';
import {
	newDataKey,
	newRecoveryCode,
	openBackup,
	sealBackup,
	unwrapWithPassphrase,
	unwrapWithRecoveryCode,
	wrapDataKey
} from '$lib/replica/crypto/backup-crypto';
import type { BackupSettings } from '$lib/local/rows/backup-settings';
import type { BackupProblem } from '$lib/protocol/problems';
import { concatBytes, fromUtf8, sha256Hex, utf8 } from '$lib/replica/crypto/crypto-encoding';
import type { DeviceCredential } from './device-http';
import { compress, decompress } from '$lib/replica/compression';
import { stillLimited } from '$lib/protocol/limit-problem';
import { backupLimits } from '$lib/protocol/pair-protocol';

/** Automatic backups at most this often; a person's own "Back up now" does not wait. */
const backupEveryMs = 2 * 60_000;

export type Unlock = { passphrase: string } | { recoveryCode: string };

export type SetUpOutcome =
	| { ok: true; recoveryCode: string | null }
	| { ok: false; reason: 'wrong-passphrase' }
	| { ok: false; problem: BackupProblem | { kind: 'offline' } };

export type RestoreOutcome =
	| { ok: true; backups: number; unreadable: number; added: number; updated: number }
	| { ok: false; reason: 'no-backup' | 'wrong-passphrase' | 'wrong-recovery-code' }
	| { ok: false; problem: BackupProblem | { kind: 'offline' } };

const recordCount = (s: BackupSnapshot) =>
	Object.values(s.tables).reduce((n, rows) => n + rows.length, 0) + s.replica.states.length;

/**
 * Keeps an encrypted backup of everything on this device on the scheme server, and brings it
 * back on a new device. The server stores ciphertext in parts and checks their hash; the key
 * to read them is wrapped under the person's passphrase and recovery code, which it never sees.
 */
export class BackupSync {
	constructor(
		private readonly backups: BackupRepository,
		private readonly api: BackupApi,
		private readonly check: RecordCheck,
		private readonly now: () => Date = () => new Date()
	) {}

	/**
	 * Turns backups on. The first device makes the backup key and a recovery code to write down;
	 * another device of the same person must be given the same passphrase to share that key.
	 */
	async setUp(
		credential: DeviceCredential,
		participantId: string,
		passphrase: string
	): Promise<SetUpOutcome> {
		const listing = await this.api.listing(credential);
		if (!listing.ok) return { ok: false, problem: listing.problem };
		let dataKey: string | null;
		let recoveryCode: string | null = null;
		if (listing.value.keys) {
			dataKey = await unwrapWithPassphrase(listing.value.keys, participantId, passphrase);
			if (!dataKey) return { ok: false, reason: 'wrong-passphrase' };
		} else {
			dataKey = newDataKey();
			recoveryCode = newRecoveryCode();
			const put = await this.api.putKeys(
				credential,
				await wrapDataKey(dataKey, participantId, passphrase, recoveryCode)
			);
			if (!put.ok) return { ok: false, problem: put.problem };
		}
		await this.backups.save(this.freshSettings(participantId, dataKey));
		await this.backUp(credential, participantId, { now: true });
		return { ok: true, recoveryCode };
	}

	/** Backups on from now, on this device, under the person's data key. */
	private freshSettings(participantId: string, dataKey: string): BackupSettings {
		return {
			id: 'me',
			participantId,
			dataKey,
			enabledAt: this.now().toISOString(),
			lastBackupAt: null,
			lastBackupBytes: null,
			lastContentHash: null,
			lastProblem: null
		};
	}

	/** A new passphrase, and with it a new recovery code; the backups stay readable. */
	async changePassphrase(
		credential: DeviceCredential,
		participantId: string,
		passphrase: string
	): Promise<SetUpOutcome> {
		const settings = await this.backups.settings();
		if (!settings) return { ok: false, reason: 'wrong-passphrase' };
		const recoveryCode = newRecoveryCode();
		const put = await this.api.putKeys(
			credential,
			await wrapDataKey(settings.dataKey, participantId, passphrase, recoveryCode)
		);
		return put.ok ? { ok: true, recoveryCode } : { ok: false, problem: put.problem };
	}

	/** Turns backups off and deletes them from the server. */
	async turnOff(credential: DeviceCredential): Promise<boolean> {
		const removed = await this.api.remove(credential);
		if (removed.ok) await this.backups.turnOff();
		return removed.ok;
	}

	/**
	 * Backs up when something changed since the last backup (and that was a while ago, unless
	 * `now`). The backup is checked to read back before it is sent.
	 */
	async backUp(
		credential: DeviceCredential,
		participantId: string,
		options: { now?: boolean } = {}
	): Promise<BackupProblem | null> {
		const settings = await this.backups.settings();
		if (!settings || settings.participantId !== participantId) return null;
		const at = this.now();
		// At one of the server's limits: asking again before it said to would only be refused.
		if (!options.now && stillLimited(settings.lastProblem, at)) return settings.lastProblem;
		const last = settings.lastBackupAt ? Date.parse(settings.lastBackupAt) : 0;
		if (!options.now && at.getTime() - last < backupEveryMs) return null;
		const snapshot = await this.backups.snapshot();
		const hash = await sha256Hex(utf8(snapshotContent(snapshot)));
		if (!options.now && hash === settings.lastContentHash) return null;

		const backupId = crypto.randomUUID();
		const sealed = await sealBackup(
			settings.dataKey,
			participantId,
			backupId,
			await compress(utf8(JSON.stringify(snapshot)), 'gzip')
		);
		const readBack = await this.read(settings.dataKey, participantId, backupId, sealed);
		if (!readBack || recordCount(readBack) !== recordCount(snapshot)) {
			throw new Error('A backup did not read back as written: not sent');
		}
		const problem = await this.upload(credential, backupId, sealed);
		if (problem) {
			await this.backups.update({ lastProblem: problem });
			return problem;
		}
		await this.backups.update({
			lastBackupAt: at.toISOString(),
			lastBackupBytes: sealed.length,
			lastContentHash: hash,
			lastProblem: null
		});
		return null;
	}

	private async upload(
		credential: DeviceCredential,
		backupId: string,
		sealed: Uint8Array<ArrayBuffer>
	): Promise<BackupProblem | null> {
		const size = backupLimits.partBytes;
		const parts = Math.ceil(sealed.length / size);
		if (parts > backupLimits.parts) return { kind: 'too-large' };
		for (let i = 0; i < parts; i++) {
			const put = await this.api.putPart(
				credential,
				backupId,
				i,
				sealed.slice(i * size, (i + 1) * size)
			);
			if (!put.ok) return put.problem;
		}
		const committed = await this.api.commit(credential, backupId, {
			parts,
			bytes: sealed.length,
			sha256: await sha256Hex(sealed)
		});
		return committed.ok ? null : committed.problem;
	}

	private async read(
		dataKey: string,
		participantId: string,
		backupId: string,
		sealed: Uint8Array<ArrayBuffer>
	): Promise<BackupSnapshot | null> {
		const compressed = await openBackup(dataKey, participantId, backupId, sealed);
		const json = compressed && (await decompress(compressed, 'gzip'));
		if (!json) return null;
		try {
			const snapshot = JSON.parse(fromUtf8(json)) as BackupSnapshot;
			return snapshot.format === 'tandem-backup' ? snapshot : null;
		} catch {
			return null;
		}
	}

	/**
	 * On a device that has just joined as the person (with a new invitation or the recovery
	 * code): unlocks their backup key, then merges every backup of theirs into this device,
	 * and carries on backing up from here.
	 */
	async restore(
		credential: DeviceCredential,
		participantId: string,
		unlock: Unlock
	): Promise<RestoreOutcome> {
		const listing = await this.api.listing(credential);
		if (!listing.ok) return { ok: false, problem: listing.problem };
		const { keys, backups } = listing.value;
		if (!keys || backups.length === 0) return { ok: false, reason: 'no-backup' };
		const dataKey =
			'passphrase' in unlock
				? await unwrapWithPassphrase(keys, participantId, unlock.passphrase)
				: await unwrapWithRecoveryCode(keys, participantId, unlock.recoveryCode);
		if (!dataKey) {
			return {
				ok: false,
				reason: 'passphrase' in unlock ? 'wrong-passphrase' : 'wrong-recovery-code'
			};
		}
		const outcome = { ok: true as const, backups: 0, unreadable: 0, added: 0, updated: 0 };
		for (const backup of [...backups].sort((a, b) => a.committedAt.localeCompare(b.committedAt))) {
			const parts: Uint8Array[] = [];
			for (let i = 0; i < backup.parts; i++) {
				const part = await this.api.getPart(credential, backup.id, i);
				if (!part.ok) return { ok: false, problem: part.problem };
				parts.push(part.value);
			}
			const sealed = concatBytes(...parts);
			const snapshot =
				(await sha256Hex(sealed)) === backup.sha256
					? await this.read(dataKey, participantId, backup.id, sealed)
					: null;
			// Never restore what could not be read: a damaged backup is skipped, not half-applied.
			if (!snapshot) {
				outcome.unreadable++;
				continue;
			}
			const counts = await this.backups.restore(snapshot, this.check);
			outcome.backups++;
			outcome.added += counts.added;
			outcome.updated += counts.updated;
		}
		await this.backups.save(this.freshSettings(participantId, dataKey));
		return outcome;
	}
}
