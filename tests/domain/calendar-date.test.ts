import { describe, expect, it } from 'vitest';
import { isCalendarDate, isClockTime, weekKeyOf, weekStart } from '$lib/domain/calendar-date';

describe('calendar dates', () => {
	it('accepts real dates and refuses ones that do not exist', () => {
		expect(isCalendarDate('2026-11-23')).toBe(true);
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2026-02-29')).toBe(false);
		expect(isCalendarDate('2026-02-30')).toBe(false);
		expect(isCalendarDate('2026-13-01')).toBe(false);
		expect(isCalendarDate('23/11/2026')).toBe(false);
		expect(isCalendarDate('')).toBe(false);
	});

	it('accepts clock times only within the day', () => {
		expect(isClockTime('00:00')).toBe(true);
		expect(isClockTime('23:59')).toBe(true);
		expect(isClockTime('24:00')).toBe(false);
		expect(isClockTime('12:60')).toBe(false);
		expect(isClockTime('9:30')).toBe(false);
	});
});

describe('which week a win belongs to', () => {
	it('uses ISO weeks that start on Monday', () => {
		expect(weekKeyOf('2026-11-23')).toBe('2026-W48'); // a Monday
		expect(weekKeyOf('2026-11-29')).toBe('2026-W48'); // the Sunday after
		expect(weekKeyOf('2026-11-30')).toBe('2026-W49');
		expect(weekStart('2026-11-29')).toBe('2026-11-23');
	});

	it('puts the first days of January in the last week of the old year when ISO says so', () => {
		expect(weekKeyOf('2027-01-01')).toBe('2026-W53');
		expect(weekKeyOf('2026-01-01')).toBe('2026-W01');
	});
});
