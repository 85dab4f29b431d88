import { getISOWeek, getISOWeekYear, startOfISOWeek } from 'date-fns';
import { limits } from './limits';

/** A calendar date as the user means it, with no time zone: YYYY-MM-DD. */
export type CalendarDate = string;
/** A local wall-clock time: YYYY-MM-DDTHH:mm, read in the device's time zone. */
export type LocalDateTime = string;

// Parsed by hand rather than with date-fns' parse and format, which would add about 15 KB
// (gzip) to the first screen for two fixed formats.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** True only for dates that exist: 2026-02-30 is refused, not rolled over to March. */
export function isCalendarDate(value: string): boolean {
	const match = DATE.exec(value);
	if (!match) return false;
	const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
	const date = new Date(y, m - 1, d);
	return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

/** A real date in the years people and devices may use (see `limits.years`). */
export function isUsableDate(value: string): boolean {
	const year = Number(value.slice(0, 4));
	return isCalendarDate(value) && year >= limits.years.min && year <= limits.years.max;
}

export function isClockTime(value: string): boolean {
	const match = TIME.exec(value);
	return match !== null && Number(match[1]) < 24 && Number(match[2]) < 60;
}

export function toCalendarDate(date: Date): CalendarDate {
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function toLocalDateTime(date: CalendarDate, time: string): LocalDateTime {
	return `${date}T${time}`;
}

export function fromCalendarDate(value: CalendarDate): Date {
	const [y, m, d] = value.split('-').map(Number) as [number, number, number];
	return new Date(y, m - 1, d);
}

export function fromLocalDateTime(value: LocalDateTime): Date {
	const [y, mo, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
	const [h, mi] = value.slice(11, 16).split(':').map(Number) as [number, number];
	return new Date(y, mo - 1, d, h, mi);
}

export function nowLocal(now: Date): LocalDateTime {
	return `${toCalendarDate(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** The ISO week a date falls in (weeks start on Monday, as in the UK): 2026-W48. */
export type WeekKey = string;

export function weekKeyOf(date: CalendarDate | Date): WeekKey {
	const d = typeof date === 'string' ? fromCalendarDate(date) : date;
	return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
}

/** The Monday that starts an ISO week: 2026-W20 is the week of Monday 11 May 2026. */
export function weekMonday(week: WeekKey): CalendarDate {
	// Week 1 is the week holding 4 January.
	const monday = startOfISOWeek(new Date(Number(week.slice(0, 4)), 0, 4));
	monday.setDate(monday.getDate() + (Number(week.slice(6)) - 1) * 7);
	return toCalendarDate(monday);
}

export function weekStart(date: CalendarDate | Date): CalendarDate {
	const d = typeof date === 'string' ? fromCalendarDate(date) : date;
	return toCalendarDate(startOfISOWeek(d));
}
