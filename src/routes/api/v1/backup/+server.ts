import { apiJson, apiNoContent } from '$lib/server/api-response';
import { eraseBackups } from '$lib/server/backup-erase';
import { backupListing } from '$lib/server/backup-listing';
import { deviceRequest } from '$lib/server/device-request';
import type { RequestHandler } from './$types';

/** The person's wrapped backup key and finished backups, for any of their devices. */
export const GET: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	return apiJson(await backupListing(request.db, request.identity));
};

/** The person turns backups off: their key and every backup go. */
export const DELETE: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	await eraseBackups(request.db, request.identity);
	return apiNoContent();
};
