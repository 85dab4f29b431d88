import { apiInvalid, apiJson, readJsonBody } from '$lib/server/api-response';
import { saveBackupKeys } from '$lib/server/backup-keys';
import { deviceRequest } from '$lib/server/device-request';
import { refusalReply } from '$lib/server/refusals';
import { backupKeysRequest, checkRequest } from '$lib/sync/pair-protocol';
import type { RequestHandler } from './$types';

/** Sets or replaces the person's wrapped backup key. */
export const PUT: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const body = await readJsonBody(event.request, 2_048);
	if (!body.ok) return body.response;
	const checked = checkRequest(backupKeysRequest, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const saved = await saveBackupKeys(request.db, request.identity, checked.value);
	return saved.ok ? apiJson({}) : refusalReply(saved);
};
