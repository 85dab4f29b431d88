import { apiInvalid } from '$lib/server/api-response';
import { partAddress, putBackupPart, readBackupPart } from '$lib/server/backup-parts';
import { bytesBody, deviceRoute } from '$lib/server/device-route';
import { backupLimits } from '$lib/protocol/pair-protocol';

/** The uploading device stores one encrypted part, sent as raw bytes. */
export const PUT = deviceRoute({
	ids: ['backupId'],
	body: bytesBody(backupLimits.partBytes),
	async handle({ db, identity, params, body, now }) {
		const address = partAddress(params.backupId!, params.index!);
		if (!address.ok) return apiInvalid(address);
		const stored = await putBackupPart(db, identity, address.value, body, now);
		return stored.ok ? { ok: true, value: {} } : stored;
	}
});

/** Any device of the same person reads a part of a finished backup to restore it. */
export const GET = deviceRoute({
	ids: ['backupId'],
	async handle({ db, identity, params }) {
		const address = partAddress(params.backupId!, params.index!);
		if (!address.ok) return apiInvalid(address);
		const part = await readBackupPart(db, identity, address.value);
		if (!part.ok) return part;
		return new Response(new Uint8Array(part.value), {
			headers: { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' }
		});
	}
});
