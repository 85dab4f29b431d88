import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database, Transaction } from './db/open-database';
import {
	backupParts,
	backups,
	boardPosts,
	pairChannels,
	pairs,
	participants,
	schemePhotos
} from './db/schema';

type Reader = Database | Transaction;

const number = (value: unknown) => Number(value ?? 0);

/**
 * A scheme's backups: committed ones carry their size; parts of unfinished ones are measured
 * (octet_length reads a stored value's size, not its contents).
 */
async function backupFigures(db: Reader, schemeId: string) {
	const ofScheme = eq(participants.schemeId, schemeId);
	const [committed] = await db
		.select({ bytes: sql`sum(${backups.bytes})`, n: count() })
		.from(backups)
		.innerJoin(participants, eq(participants.id, backups.participantId))
		.where(and(ofScheme, isNotNull(backups.committedAt)));
	const [unfinished] = await db
		.select({
			bytes: sql`sum(octet_length(${backupParts.data}))`,
			n: sql`count(distinct ${backups.id})`
		})
		.from(backups)
		.innerJoin(participants, eq(participants.id, backups.participantId))
		.leftJoin(backupParts, eq(backupParts.backupId, backups.id))
		.where(and(ofScheme, isNull(backups.committedAt)));
	return {
		backupBytes: number(committed?.bytes) + number(unfinished?.bytes),
		backups: number(committed?.n),
		uploadsInProgress: number(unfinished?.n)
	};
}

/** A scheme's pair logs, from the counts each push keeps. */
async function logFigures(db: Reader, schemeId: string) {
	const [logs] = await db
		.select({
			bytes: sql`sum(${pairChannels.opBytes})`,
			ops: sql`sum(${pairChannels.opCount})`,
			largestOps: sql`max(${pairChannels.opCount})`,
			largestBytes: sql`max(${pairChannels.opBytes})`
		})
		.from(pairChannels)
		.innerJoin(pairs, eq(pairs.id, pairChannels.pairId))
		.where(eq(pairs.schemeId, schemeId));
	return {
		pairLogBytes: number(logs?.bytes),
		pairLogOperations: number(logs?.ops),
		largestPairLogOperations: number(logs?.largestOps),
		largestPairLogBytes: number(logs?.largestBytes)
	};
}

/** The bytes that count against a scheme's limit: its backups and pair logs together. */
export async function schemeBytesUsed(db: Reader, schemeId: string): Promise<number> {
	const [stored, logs] = [await backupFigures(db, schemeId), await logFigures(db, schemeId)];
	return stored.backupBytes + logs.pairLogBytes;
}

/** Everything a scheme's devices store on the server, for its coordinators. */
export async function schemeStorage(db: Reader, schemeId: string) {
	const [posts] = await db
		.select({ n: count() })
		.from(boardPosts)
		.where(eq(boardPosts.schemeId, schemeId));
	const [photo] = await db
		.select({ bytes: sql`octet_length(${schemePhotos.image})` })
		.from(schemePhotos)
		.where(eq(schemePhotos.schemeId, schemeId));
	return {
		...(await backupFigures(db, schemeId)),
		...(await logFigures(db, schemeId)),
		boardPosts: number(posts?.n),
		photoBytes: number(photo?.bytes)
	};
}

export type SchemeStorage = Awaited<ReturnType<typeof schemeStorage>>;
