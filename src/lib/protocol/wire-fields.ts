import * as v from 'valibot';
import { isUsableDate } from '$lib/domain/calendar-date';
import { limits } from '$lib/domain/limits';
import { isTimestamp } from '$lib/domain/timestamp';

/**
 * Fields every device-to-server schema shares, each checked against reality rather than shape:
 * a timestamp `Date` reads exactly as written, a date that exists, in years people use.
 */
const years = `${limits.years.min} to ${limits.years.max}`;

export const wireId = v.pipe(v.string(), v.uuid('must be a UUID'));

export const wireTimestamp = v.pipe(
	v.string(),
	v.check(isTimestamp, `must be an RFC 3339 timestamp (2026-12-07T09:30:00Z) in ${years}`)
);

export const wireDay = v.pipe(
	v.string(),
	v.check(isUsableDate, `must be a date (YYYY-MM-DD) in ${years}`)
);
