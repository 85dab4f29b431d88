import { and, asc, eq, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Database, Transaction } from './db/open-database';
import { backupParts, backups } from './db/schema';
import { overLimit, rateLimited, type Refusal } from './refusals';
import { schemeBytesUsed } from './scheme-storage';
import { storageLimits } from './storage-limits';

const hourMs = 3_600_000;

/** When an unfinished upload started this long ago is given up and deleted. */
export const uploadExpiry = (now: Date) =>
	new Date(now.getTime() - storageLimits().backupUploadHours * hourMs);

/** Deletes unfinished uploads older than their day (one person's, or everyone's). */
export async function purgeStaleUploads(
	db: Database | Transaction,
	now: Date,
	participantId?: string
): Promise<number> {
	const stale = and(
		isNull(backups.committedAt),
		lt(backups.createdAt, uploadExpiry(now)),
		participantId ? eq(backups.participantId, participantId) : undefined
	);
	const purged = await db.delete(backups).where(stale).returning({ id: backups.id });
	return purged.length;
}

/**
 * Whether one more part of `bytes` fits: in a new upload, only while the person has fewer than
 * the unfinished uploads allowed; and within the person's backup bytes and the scheme's. A
 * part sent again replaces the one it had, so only the difference counts.
 */
export async function backupPartRefused(
	tx: Transaction,
	who: { participantId: string; schemeId: string },
	part: { backupId: string; index: number; bytes: number; isNew: boolean },
	now: Date
): Promise<Refusal | undefined> {
	const limits = storageLimits();
	const mine = eq(backups.participantId, who.participantId);
	const unfinished = await tx
		.select({ id: backups.id, createdAt: backups.createdAt })
		.from(backups)
		.where(and(mine, isNull(backups.committedAt), ne(backups.id, part.backupId)))
		.orderBy(asc(backups.createdAt));
	if (part.isNew && unfinished.length >= limits.backupUploads) {
		const frees = unfinished[0]!.createdAt.getTime() + limits.backupUploadHours * hourMs;
		return rateLimited('backup-uploads', limits.backupUploads, (frees - now.getTime()) / 1000);
	}
	const [replaced] = await tx
		.select({ bytes: sql<number>`octet_length(${backupParts.data})` })
		.from(backupParts)
		.where(and(eq(backupParts.backupId, part.backupId), eq(backupParts.index, part.index)));
	const growth = part.bytes - Number(replaced?.bytes ?? 0);
	if ((await personBackupBytes(tx, who.participantId)) + growth > limits.backupBytes)
		return overLimit('backup-bytes', limits.backupBytes);
	if ((await schemeBytesUsed(tx, who.schemeId)) + growth > limits.schemeBytes)
		return overLimit('scheme-bytes', limits.schemeBytes);
	return undefined;
}

async function personBackupBytes(tx: Transaction, participantId: string): Promise<number> {
	const mine = eq(backups.participantId, participantId);
	const [committed] = await tx
		.select({ bytes: sql`sum(${backups.bytes})` })
		.from(backups)
		.where(and(mine, isNotNull(backups.committedAt)));
	const [unfinished] = await tx
		.select({ bytes: sql`sum(octet_length(${backupParts.data}))` })
		.from(backupParts)
		.innerJoin(backups, eq(backups.id, backupParts.backupId))
		.where(and(mine, isNull(backups.committedAt)));
	return Number(committed?.bytes ?? 0) + Number(unfinished?.bytes ?? 0);
}
