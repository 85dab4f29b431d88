import { format, getISOWeek, getISOWeekYear, isValid, parse, startOfISOWeek } from 'date-fns';

/** A calendar date as the user means it, with no time zone: YYYY-MM-DD. */
export type CalendarDate = string;
/** A local wall-clock time: YYYY-MM-DDTHH:mm, read in the device's time zone. */
export type LocalDateTime = string;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** True only for dates that exist: 2026-02-30 is refused, not rolled over to March. */
export function isCalendarDate(value: string): boolean {
	if (!DATE.test(value)) return false;
	const parsed = parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1));
	return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}

export function isClockTime(value: string): boolean {
	if (!TIME.test(value)) return false;
	const [h, m] = value.split(':').map(Number) as [number, number];
	return h < 24 && m < 60;
}

export function toCalendarDate(date: Date): CalendarDate {
	return format(date, 'yyyy-MM-dd');
}

export function toLocalDateTime(date: CalendarDate, time: string): LocalDateTime {
	return `${date}T${time}`;
}

export function fromLocalDateTime(value: LocalDateTime): Date {
	return parse(value, "yyyy-MM-dd'T'HH:mm", new Date(2000, 0, 1));
}

export function fromCalendarDate(value: CalendarDate): Date {
	return parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1));
}

export function nowLocal(now: Date): LocalDateTime {
	return format(now, "yyyy-MM-dd'T'HH:mm");
}

/** The ISO week a date falls in (weeks start on Monday, as in the UK): 2026-W48. */
export type WeekKey = string;

export function weekKeyOf(date: CalendarDate | Date): WeekKey {
	const d = typeof date === 'string' ? fromCalendarDate(date) : date;
	return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
}

export function weekStart(date: CalendarDate | Date): CalendarDate {
	const d = typeof date === 'string' ? fromCalendarDate(date) : date;
	return toCalendarDate(startOfISOWeek(d));
}
