import { createHash, randomUUID } from 'node:crypto';
import type { BackupApi } from '$lib/sync/backup-api';
import type { DeviceCredential } from '$lib/sync/device-http';
import type { JoinReply } from '$lib/protocol/participation';
import type {
	BackupCommitRequest,
	BackupKeys,
	BackupKeysRequest
} from '$lib/protocol/pair-protocol';

interface StoredBackup {
	id: string;
	device: string;
	parts: Map<number, Uint8Array<ArrayBuffer>>;
	committed: (BackupCommitRequest & { committedAt: string }) | null;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const offline = { ok: false, problem: { kind: 'offline' } } as const;

/**
 * The scheme server's backup store for one person, in memory, with the real one's rules: parts
 * are the uploading device's own, a commit checks their hash and replaces that device's older
 * backup, and only wrapped keys and a fingerprint of the recovery value are kept.
 */
export class MockBackupServer implements BackupApi {
	offline = false;
	keys: (BackupKeys & { recoveryAuthHash: string }) | null = null;
	readonly backups = new Map<string, StoredBackup>();
	readonly participant = { id: randomUUID(), role: 'mentee' as const, name: 'Megan Mentee' };
	partsPut = 0;

	async listing(c: DeviceCredential) {
		if (this.offline) return offline;
		const { recoveryAuthHash: _hash, ...keys } = this.keys ?? { recoveryAuthHash: '' };
		return {
			ok: true as const,
			value: {
				keys: this.keys ? (keys as BackupKeys) : null,
				backups: [...this.backups.values()]
					.filter((b) => b.committed)
					.map((b) => ({
						id: b.id,
						thisDevice: b.device === c.deviceId,
						parts: b.committed!.parts,
						bytes: b.committed!.bytes,
						sha256: b.committed!.sha256,
						committedAt: b.committed!.committedAt
					}))
			}
		};
	}

	async putKeys(_c: DeviceCredential, request: BackupKeysRequest) {
		if (this.offline) return offline;
		const { recoveryAuth, ...keys } = request;
		this.keys = {
			...keys,
			updatedAt: new Date().toISOString(),
			recoveryAuthHash: sha256(Buffer.from(recoveryAuth))
		};
		return { ok: true as const, value: {} };
	}

	async putPart(
		c: DeviceCredential,
		backupId: string,
		index: number,
		bytes: Uint8Array<ArrayBuffer>
	) {
		if (this.offline) return offline;
		const backup = this.backups.get(backupId) ?? {
			id: backupId,
			device: c.deviceId,
			parts: new Map(),
			committed: null
		};
		backup.parts.set(index, new Uint8Array(bytes));
		this.backups.set(backupId, backup);
		this.partsPut++;
		return { ok: true as const, value: {} };
	}

	async commit(c: DeviceCredential, backupId: string, body: BackupCommitRequest) {
		if (this.offline) return offline;
		const backup = this.backups.get(backupId)!;
		const joined = Buffer.concat([...Array(body.parts).keys()].map((i) => backup.parts.get(i)!));
		if (joined.length !== body.bytes || sha256(joined) !== body.sha256) {
			return { ok: false as const, problem: { kind: 'server' as const, status: 400 } };
		}
		backup.committed = { ...body, committedAt: new Date().toISOString() };
		for (const [id, other] of this.backups) {
			if (id !== backupId && other.device === c.deviceId) this.backups.delete(id);
		}
		return { ok: true as const, value: { committedAt: backup.committed.committedAt } };
	}

	async getPart(_c: DeviceCredential, backupId: string, index: number) {
		if (this.offline) return offline;
		return {
			ok: true as const,
			value: new Uint8Array(this.backups.get(backupId)!.parts.get(index)!)
		};
	}

	async remove() {
		if (this.offline) return offline;
		this.keys = null;
		this.backups.clear();
		return { ok: true as const, value: undefined };
	}

	async recover(auth: string) {
		if (this.offline) return offline;
		if (!this.keys || sha256(Buffer.from(auth)) !== this.keys.recoveryAuthHash) {
			return { ok: false as const, problem: { kind: 'unknown' as const } };
		}
		const reply: JoinReply = {
			device: { id: randomUUID(), secret: 's'.repeat(43) },
			participant: this.participant,
			scheme: { id: randomUUID(), name: 'Member mentoring', organisation: 'Example Council' }
		};
		return { ok: true as const, value: reply };
	}

	/**
	 * What a broken disk or a meddling operator could do to a stored backup; `rehash` also
	 * rewrites the stored hash, as an operator covering their tracks would.
	 */
	flipByte(options: { rehash?: boolean } = {}): void {
		const backup = [...this.backups.values()].find((b) => b.committed)!;
		backup.parts.get(0)![40]! ^= 0x01;
		if (options.rehash) {
			const parts = [...Array(backup.committed!.parts).keys()].map((i) => backup.parts.get(i)!);
			backup.committed!.sha256 = sha256(Buffer.concat(parts));
		}
	}
}
