import { and, eq, ne } from 'drizzle-orm';
import type { BackupKeysRequest } from '$lib/protocol/pair-protocol';
import { decodeFields } from './base64url';
import type { Database } from './db/open-database';
import { backupKeys } from './db/schema';
import type { DeviceIdentity } from './devices';
import { refused, type Outcome } from './refusals';
import { fingerprint } from './secrets';

/**
 * Keeps a person's backup key, wrapped under their passphrase and under their recovery code;
 * a new passphrase or recovery code replaces both. The recovery value is kept only as a
 * fingerprint, like a device secret.
 */
export async function saveBackupKeys(
	db: Database,
	who: DeviceIdentity,
	keys: BackupKeysRequest,
	now = new Date()
): Promise<Outcome<null>> {
	const bytes = decodeFields({
		salt: keys.salt,
		'passphrase.iv': keys.passphrase.iv,
		'passphrase.key': keys.passphrase.key,
		'recovery.iv': keys.recovery.iv,
		'recovery.key': keys.recovery.key,
		recoveryAuth: keys.recoveryAuth
	});
	if (!bytes.ok) return bytes;
	const values = {
		salt: bytes.value.salt,
		iterations: keys.iterations,
		passphraseIv: bytes.value['passphrase.iv'],
		passphraseKey: bytes.value['passphrase.key'],
		recoveryIv: bytes.value['recovery.iv'],
		recoveryKey: bytes.value['recovery.key'],
		recoveryAuthHash: fingerprint(keys.recoveryAuth),
		updatedAt: now
	};
	return db.transaction(async (tx) => {
		// Only a device that copied someone else's value could collide: refuse it rather than
		// let the unique index fail.
		const [taken] = await tx
			.select({ participantId: backupKeys.participantId })
			.from(backupKeys)
			.where(
				and(
					eq(backupKeys.recoveryAuthHash, values.recoveryAuthHash),
					ne(backupKeys.participantId, who.participantId)
				)
			);
		if (taken) return refused('recovery-in-use', 'recoveryAuth');
		await tx
			.insert(backupKeys)
			.values({ participantId: who.participantId, ...values })
			.onConflictDoUpdate({ target: backupKeys.participantId, set: values });
		return { ok: true, value: null };
	});
}
