import { createHash } from 'node:crypto';
import { and, asc, between, eq, ne, sql } from 'drizzle-orm';
import type { BackupCommitRequest } from '$lib/protocol/pair-protocol';
import { takePersonTurn } from './person-turns';
import type { Database } from './db/open-database';
import { backupParts, backups } from './db/schema';
import type { DeviceIdentity } from './devices';
import { refused, type Outcome } from './refusals';
import { isUuid } from './schemes';

// Parts read at a time while checking the checksum: 4 MB, not the whole backup at once.
const partsPerRead = 16;

/**
 * Finishes a backup once every part is there and the size and checksum match what the device
 * sent, and deletes the device's older backups and abandoned uploads in the same transaction,
 * so the person always has a complete backup from this device. Committing again with the same
 * figures answers as the first time.
 */
export async function commitBackup(
	db: Database,
	who: DeviceIdentity,
	backupId: string,
	commit: BackupCommitRequest,
	now = new Date()
): Promise<Outcome<{ committedAt: string }>> {
	if (!isUuid(backupId)) return refused('invalid', 'backupId', 'must be a UUID');
	return db.transaction(async (tx) => {
		await takePersonTurn(tx, who.participantId);
		const [backup] = await tx.select().from(backups).where(eq(backups.id, backupId)).for('update');
		if (!backup) return refused('invalid', 'parts', 'part 0 is missing');
		if (backup.deviceId !== who.deviceId) return refused('not-yours');
		if (backup.committedAt) {
			const same =
				backup.parts === commit.parts &&
				backup.bytes === commit.bytes &&
				backup.sha256 === commit.sha256;
			return same
				? { ok: true, value: { committedAt: backup.committedAt.toISOString() } }
				: refused('committed');
		}

		const sizes = await tx
			.select({ index: backupParts.index, bytes: sql<number>`octet_length(${backupParts.data})` })
			.from(backupParts)
			.where(eq(backupParts.backupId, backupId))
			.orderBy(asc(backupParts.index));
		const missing = Array.from({ length: commit.parts }, (_, i) => i).find(
			(i) => sizes[i]?.index !== i
		);
		if (missing !== undefined) return refused('invalid', 'parts', `part ${missing} is missing`);
		if (sizes.length > commit.parts) {
			return refused('invalid', 'parts', `${sizes.length} parts were uploaded`);
		}
		const total = sizes.reduce((sum, part) => sum + Number(part.bytes), 0);
		if (total !== commit.bytes) {
			return refused('invalid', 'bytes', `the parts hold ${total} bytes`);
		}
		if ((await checksum(tx, backupId, commit.parts)) !== commit.sha256) {
			return refused('invalid', 'sha256', 'does not match the parts');
		}

		await tx
			.update(backups)
			.set({ parts: commit.parts, bytes: commit.bytes, sha256: commit.sha256, committedAt: now })
			.where(eq(backups.id, backupId));
		await tx
			.delete(backups)
			.where(and(eq(backups.deviceId, who.deviceId), ne(backups.id, backupId)));
		return { ok: true, value: { committedAt: now.toISOString() } };
	});
}

/** SHA-256 in hex of the parts joined in order. */
async function checksum(db: Database, backupId: string, parts: number): Promise<string> {
	const hash = createHash('sha256');
	for (let first = 0; first < parts; first += partsPerRead) {
		const rows = await db
			.select({ data: backupParts.data })
			.from(backupParts)
			.where(
				and(
					eq(backupParts.backupId, backupId),
					between(backupParts.index, first, first + partsPerRead - 1)
				)
			)
			.orderBy(asc(backupParts.index));
		for (const row of rows) hash.update(row.data);
	}
	return hash.digest('hex');
}
