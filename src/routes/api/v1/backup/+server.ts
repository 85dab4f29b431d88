import { apiNoContent } from '$lib/server/api-response';
import { eraseBackups } from '$lib/server/backup-erase';
import { backupListing } from '$lib/server/backup-listing';
import { deviceRoute } from '$lib/server/device-route';

/** The person's wrapped backup key and finished backups, for any of their devices. */
export const GET = deviceRoute({
	handle: async ({ db, identity }) => ({ ok: true, value: await backupListing(db, identity) })
});

/** The person turns backups off: their key and every backup go. */
export const DELETE = deviceRoute({
	async handle({ db, identity }) {
		await eraseBackups(db, identity);
		return apiNoContent();
	}
});
