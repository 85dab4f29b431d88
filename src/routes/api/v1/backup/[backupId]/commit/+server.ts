import { apiInvalid, apiJson, readJsonBody } from '$lib/server/api-response';
import { commitBackup } from '$lib/server/backup-commit';
import { deviceRequest } from '$lib/server/device-request';
import { refusalReply } from '$lib/server/refusals';
import { backupCommitRequest, checkRequest } from '$lib/sync/pair-protocol';
import type { RequestHandler } from './$types';

/** The uploading device finishes a backup once every part is there. */
export const POST: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const body = await readJsonBody(event.request, 1_024);
	if (!body.ok) return body.response;
	const checked = checkRequest(backupCommitRequest, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const committed = await commitBackup(
		request.db,
		request.identity,
		event.params.backupId,
		checked.value
	);
	return committed.ok ? apiJson(committed.value) : refusalReply(committed);
};
