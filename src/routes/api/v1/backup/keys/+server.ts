import { saveBackupKeys } from '$lib/server/backup-keys';
import { deviceRoute, jsonBody } from '$lib/server/device-route';
import { backupKeysRequest } from '$lib/protocol/pair-protocol';

/** Sets or replaces the person's wrapped backup key. */
export const PUT = deviceRoute({
	body: jsonBody(backupKeysRequest, 2_048),
	async handle({ db, identity, body }) {
		const saved = await saveBackupKeys(db, identity, body);
		return saved.ok ? { ok: true, value: {} } : saved;
	}
});
