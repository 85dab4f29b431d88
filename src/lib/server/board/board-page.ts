import * as v from 'valibot';

/**
 * One page of posts, newest first, fetched with one row more than the page holds to know
 * whether there are older ones. Posts sharing the posted time of the first one left out are
 * left out with it (unless that empties the page), so asking for those before the last one
 * shown never skips a post.
 */
export function pageOf<T extends { postedAt: Date }>(
	rows: T[],
	limit: number
): { page: T[]; more: boolean } {
	if (rows.length <= limit) return { page: rows, more: false };
	const cut = rows[limit]!.postedAt.getTime();
	const page = rows.slice(0, limit);
	const whole = page.filter((r) => r.postedAt.getTime() !== cut);
	return { page: whole.length > 0 ? whole : page, more: true };
}

const isoTimestamp = v.pipe(v.string(), v.isoTimestamp());

/** `before`, for paging back: absent for the newest page, else an ISO timestamp. */
export function parseBefore(
	params: URLSearchParams
): { ok: true; value: Date | null } | { ok: false; field: string; problem: string } {
	const before = params.get('before');
	if (before === null) return { ok: true, value: null };
	if (!v.is(isoTimestamp, before)) {
		return { ok: false, field: 'before', problem: 'must be an ISO timestamp' };
	}
	return { ok: true, value: new Date(before) };
}
