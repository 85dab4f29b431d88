import { parseTimestamp } from '$lib/domain/timestamp';
import type { WireCheck } from '$lib/protocol/wire-check';

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

/** `before`, for paging back: absent for the newest page, else an RFC 3339 timestamp. */
export function parseBefore(params: URLSearchParams): WireCheck<Date | null> {
	const before = params.get('before');
	if (before === null) return { ok: true, value: null };
	const instant = parseTimestamp(before);
	if (!instant) return { ok: false, field: 'before', problem: 'must be an RFC 3339 timestamp' };
	return { ok: true, value: instant };
}
