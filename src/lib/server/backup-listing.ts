import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { BackupKeys, BackupListing } from '$lib/protocol/pair-protocol';
import type { Database } from './db/open-database';
import { backupKeys, backups } from './db/schema';
import type { DeviceIdentity } from './devices';

/**
 * A person's wrapped backup key and their finished backups, newest first, for any of their
 * devices: a new phone restores from what another device uploaded. Uploads still in progress
 * are left out.
 */
export async function backupListing(db: Database, who: DeviceIdentity): Promise<BackupListing> {
	const [[keys], committed] = await Promise.all([
		db.select().from(backupKeys).where(eq(backupKeys.participantId, who.participantId)),
		db
			.select()
			.from(backups)
			.where(and(eq(backups.participantId, who.participantId), isNotNull(backups.committedAt)))
			.orderBy(desc(backups.committedAt))
	]);
	return {
		keys: keys ? keysReply(keys) : null,
		backups: committed.map((b) => ({
			id: b.id,
			thisDevice: b.deviceId === who.deviceId,
			parts: b.parts!,
			bytes: b.bytes!,
			sha256: b.sha256!,
			committedAt: b.committedAt!.toISOString()
		}))
	};
}

function keysReply(keys: typeof backupKeys.$inferSelect): BackupKeys {
	return {
		salt: keys.salt.toString('base64url'),
		iterations: keys.iterations,
		passphrase: {
			iv: keys.passphraseIv.toString('base64url'),
			key: keys.passphraseKey.toString('base64url')
		},
		recovery: {
			iv: keys.recoveryIv.toString('base64url'),
			key: keys.recoveryKey.toString('base64url')
		},
		updatedAt: keys.updatedAt.toISOString()
	};
}
