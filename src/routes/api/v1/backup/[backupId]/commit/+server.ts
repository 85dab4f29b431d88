import { commitBackup } from '$lib/server/backup-commit';
import { deviceRoute, jsonBody } from '$lib/server/device-route';
import { backupCommitRequest } from '$lib/protocol/pair-protocol';

/** The uploading device finishes a backup once every part is there. */
export const POST = deviceRoute({
	ids: ['backupId'],
	body: jsonBody(backupCommitRequest, 1_024),
	handle: ({ db, identity, params, body, now }) =>
		commitBackup(db, identity, params.backupId!, body, now)
});
