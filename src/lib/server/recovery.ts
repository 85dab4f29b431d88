import { eq } from 'drizzle-orm';
import { fromBase64url } from './base64url';
import type { Database } from './db/open-database';
import { backupKeys } from './db/schema';
import { issueDevice, type JoinedDevice } from './devices';
import { overLimit, refused, type Outcome } from './refusals';
import { fingerprint } from './secrets';
import { storageLimits } from './storage-limits';

/**
 * A new device for the person whose recovery code this value was derived from: the code
 * stands in for an invitation when every device of theirs is lost. Someone the coordinator
 * removed cannot come back this way.
 */
export async function recoverDevice(
	db: Database,
	auth: string,
	label: string | null = null,
	now = new Date()
): Promise<Outcome<JoinedDevice>> {
	if (!fromBase64url(auth)) return refused('invalid', 'auth', 'must be base64url');
	const unknown = refused('recovery', undefined, 'unknown');
	return db.transaction(async (tx) => {
		const [keys] = await tx
			.select({ participantId: backupKeys.participantId })
			.from(backupKeys)
			.where(eq(backupKeys.recoveryAuthHash, fingerprint(auth)));
		if (!keys) return unknown;
		const issued = await issueDevice(tx, keys.participantId, label, now);
		if (issued.ok) return issued;
		return issued.reason === 'devices' ? overLimit('devices', storageLimits().devices) : unknown;
	});
}
