import { eq } from 'drizzle-orm';
import { fromBase64url } from './base64url';
import type { Database } from './db/open-database';
import { backupKeys } from './db/schema';
import { issueDevice, type JoinedDevice } from './devices';
import { refused, type Outcome } from './refusals';
import { fingerprint } from './secrets';

/**
 * A new device for the person whose recovery code this value was derived from: the code
 * stands in for an invitation when every device of theirs is lost. Someone the coordinator
 * removed cannot come back this way.
 */
export async function recoverDevice(
	db: Database,
	auth: string,
	now = new Date()
): Promise<Outcome<JoinedDevice>> {
	if (!fromBase64url(auth)) return refused('invalid', 'auth', 'must be base64url');
	const unknown = refused('recovery', undefined, 'unknown');
	return db.transaction(async (tx) => {
		const [keys] = await tx
			.select({ participantId: backupKeys.participantId })
			.from(backupKeys)
			.where(eq(backupKeys.recoveryAuthHash, fingerprint(auth)));
		const joined = keys && (await issueDevice(tx, keys.participantId, now));
		return joined ? { ok: true, value: joined } : unknown;
	});
}
