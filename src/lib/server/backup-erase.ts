import { eq } from 'drizzle-orm';
import { takePersonTurn } from './person-turns';
import type { Database } from './db/open-database';
import { backupKeys, backups } from './db/schema';
import type { DeviceIdentity } from './devices';

/** Deletes a person's backup key and every backup of theirs, from whichever device uploaded it. */
export async function eraseBackups(db: Database, who: DeviceIdentity): Promise<void> {
	await db.transaction(async (tx) => {
		await takePersonTurn(tx, who.participantId);
		await tx.delete(backupKeys).where(eq(backupKeys.participantId, who.participantId));
		await tx.delete(backups).where(eq(backups.participantId, who.participantId));
	});
}
