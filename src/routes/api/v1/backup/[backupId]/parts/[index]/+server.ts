import { apiInvalid, apiJson, readBytesBody } from '$lib/server/api-response';
import { partAddress, putBackupPart, readBackupPart } from '$lib/server/backup-parts';
import { deviceRequest } from '$lib/server/device-request';
import { refusalReply } from '$lib/server/refusals';
import { backupLimits } from '$lib/sync/pair-protocol';
import type { RequestHandler } from './$types';

/** The uploading device stores one encrypted part, sent as raw bytes. */
export const PUT: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const address = partAddress(event.params.backupId, event.params.index);
	if (!address.ok) return apiInvalid(address);
	const body = await readBytesBody(event.request, backupLimits.partBytes);
	if (!body.ok) return body.response;
	const stored = await putBackupPart(request.db, request.identity, address.value, body.value);
	return stored.ok ? apiJson({}) : refusalReply(stored);
};

/** Any device of the same person reads a part of a finished backup to restore it. */
export const GET: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const address = partAddress(event.params.backupId, event.params.index);
	if (!address.ok) return apiInvalid(address);
	const part = await readBackupPart(request.db, request.identity, address.value);
	if (!part.ok) return refusalReply(part);
	return new Response(new Uint8Array(part.value), {
		headers: { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' }
	});
};
