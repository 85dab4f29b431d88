import { apiInvalid, apiJson, readJsonBody } from '$lib/server/api-response';
import { refusedDeviceAttempt } from '$lib/server/attempt-limit';
import { database } from '$lib/server/db';
import { recoverDevice } from '$lib/server/recovery';
import { refusalReply } from '$lib/server/refusals';
import { checkRequest, recoverRequest } from '$lib/sync/pair-protocol';
import type { RequestHandler } from './$types';

/**
 * A new device for someone who lost every device, from their recovery code: it answers like
 * joining, and is rate-limited like joining.
 */
export const POST: RequestHandler = async (event) => {
	const refused = await refusedDeviceAttempt(event, 'recover');
	if (refused) return refused;
	const { db } = await database();
	const body = await readJsonBody(event.request, 1_024);
	if (!body.ok) return body.response;
	const checked = checkRequest(recoverRequest, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const recovered = await recoverDevice(db, checked.value.auth);
	return recovered.ok ? apiJson(recovered.value, 201) : refusalReply(recovered);
};
