import { limits } from './limits';

/**
 * An instant on the wire, as RFC 3339 writes it: 2026-12-07T09:30:00Z, with an optional
 * fraction and a `Z` or `±HH:MM` offset. `Date` alone reads too much (`2026-01-01T00:00:00 +01`)
 * and rolls impossible days over (`2026-02-31`), so each part is checked by hand.
 */
const RFC3339 =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The instant a timestamp names, or undefined unless it is exact RFC 3339 in a sane year. */
export function parseTimestamp(value: string): Date | undefined {
	const match = RFC3339.exec(value);
	if (!match) return undefined;
	const part = (index: number) => Number(match[index] ?? 0);
	const [year, month, day] = [part(1), part(2), part(3)];
	if (year < limits.years.min || year > limits.years.max) return undefined;
	if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
	if (part(4) > 23 || part(5) > 59 || part(6) > 59 || part(7) > 23 || part(8) > 59)
		return undefined;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

export function isTimestamp(value: string): boolean {
	return parseTimestamp(value) !== undefined;
}

/**
 * A device's clock can be hours or years ahead. Where a later time wins (a newer report, a
 * newer publication), a time past the server's own would win for ever, so it counts as now.
 */
export function notAfter(instant: Date, now: Date): Date {
	return instant.getTime() > now.getTime() ? now : instant;
}
