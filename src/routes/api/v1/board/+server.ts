import { apiInvalid } from '$lib/server/api-response';
import { boardListingFor } from '$lib/server/board/board-listing';
import { parseBefore } from '$lib/server/board/board-page';
import { deviceRoute } from '$lib/server/device-route';

/** The device's own scheme's board: the newest visible posts, and the person's own. */
export const GET = deviceRoute({
	async handle({ db, identity, url }) {
		const before = parseBefore(url.searchParams);
		if (!before.ok) return apiInvalid(before);
		return { ok: true, value: await boardListingFor(db, identity, { before: before.value }) };
	}
});
