import { and, eq, isNotNull } from 'drizzle-orm';
import { backupLimits } from '$lib/protocol/pair-protocol';
import type { WireCheck } from '$lib/protocol/wire-check';
import type { Database } from './db/open-database';
import { backupParts, backups } from './db/schema';
import { backupPartRefused, purgeStaleUploads } from './backup-limits';
import type { DeviceIdentity } from './devices';
import { takePersonTurn } from './person-turns';
import { refused, type Outcome } from './refusals';
import { isUuid } from './schemes';

export interface PartAddress {
	backupId: string;
	index: number;
}

/** Reads `/backup/:backupId/parts/:index`, naming the parameter that is wrong. */
export function partAddress(backupId: string, index: string): WireCheck<PartAddress> {
	if (!isUuid(backupId)) return { ok: false, field: 'backupId', problem: 'must be a UUID' };
	if (!/^\d{1,3}$/.test(index) || Number(index) >= backupLimits.parts) {
		return { ok: false, field: 'index', problem: `must be 0 to ${backupLimits.parts - 1}` };
	}
	return { ok: true, value: { backupId, index: Number(index) } };
}

/**
 * Stores one part of a backup the device is uploading. The first part makes the backup this
 * device's; putting a part again before the commit replaces it, so a retry is harmless.
 */
export async function putBackupPart(
	db: Database,
	who: DeviceIdentity,
	{ backupId, index }: PartAddress,
	data: Buffer,
	now = new Date()
): Promise<Outcome<null>> {
	if (data.length === 0) return refused('invalid', 'body', 'must not be empty');
	if (data.length > backupLimits.partBytes) {
		return refused('invalid', 'body', `must be at most ${backupLimits.partBytes} bytes`);
	}
	return db.transaction(async (tx) => {
		await takePersonTurn(tx, who.participantId);
		await purgeStaleUploads(tx, now, who.participantId);
		const [existing] = await tx
			.select({ deviceId: backups.deviceId, committedAt: backups.committedAt })
			.from(backups)
			.where(eq(backups.id, backupId));
		if (existing && existing.deviceId !== who.deviceId) return refused('not-yours');
		if (existing?.committedAt) return refused('committed');
		const part = { backupId, index, bytes: data.length, isNew: !existing };
		const refusal = await backupPartRefused(tx, who, part, now);
		if (refusal) return refusal;
		if (!existing) {
			const made = await tx
				.insert(backups)
				.values({
					id: backupId,
					participantId: who.participantId,
					deviceId: who.deviceId,
					createdAt: now
				})
				.onConflictDoNothing()
				.returning({ id: backups.id });
			// Taken meanwhile by someone else's device (their turn is not ours to wait for).
			if (made.length === 0) return refused('not-yours');
		}
		await tx
			.insert(backupParts)
			.values({ backupId, index, data })
			.onConflictDoUpdate({ target: [backupParts.backupId, backupParts.index], set: { data } });
		return { ok: true, value: null };
	});
}

/** One part of a finished backup, for any device of the person it belongs to. */
export async function readBackupPart(
	db: Database,
	who: DeviceIdentity,
	{ backupId, index }: PartAddress
): Promise<Outcome<Buffer>> {
	const [part] = await db
		.select({ data: backupParts.data })
		.from(backupParts)
		.innerJoin(backups, eq(backups.id, backupParts.backupId))
		.where(
			and(
				eq(backupParts.backupId, backupId),
				eq(backupParts.index, index),
				eq(backups.participantId, who.participantId),
				isNotNull(backups.committedAt)
			)
		);
	return part ? { ok: true, value: part.data } : refused('not-found');
}
