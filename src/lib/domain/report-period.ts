import { addMonths, addYears } from 'date-fns';
import { fromCalendarDate, toCalendarDate, type CalendarDate } from './calendar-date';

/**
 * The two reports a scheme owes: on its pilot, and at its review, a year in unless the scheme
 * set another date. Both count from the pilot's first day, and both ends are included.
 */
export const reportKinds = ['pilot', 'review'] as const;
export type ReportKind = (typeof reportKinds)[number];

export interface ReportPeriod {
	kind: ReportKind;
	from: CalendarDate;
	to: CalendarDate;
}

export interface SchemeDates {
	pilotStartsOn: CalendarDate;
	pilotEndsOn: CalendarDate;
	reviewOn: CalendarDate | null;
}

export function reportPeriod(scheme: SchemeDates, kind: ReportKind): ReportPeriod {
	const from = scheme.pilotStartsOn;
	if (kind === 'pilot') return { kind, from, to: scheme.pilotEndsOn };
	return {
		kind,
		from,
		to: scheme.reviewOn ?? toCalendarDate(addYears(fromCalendarDate(from), 1))
	};
}

/** The report asked for in a query string; the pilot's unless the review's is named. */
export function reportKindOf(query: URLSearchParams): ReportKind {
	return query.get('report') === 'review' ? 'review' : 'pilot';
}

/**
 * The day a report's "now" figures are taken on (which pairs are active, which have stalled):
 * the period's last day, or today while the period is still running.
 */
export function figuresAsOf(period: ReportPeriod, today: CalendarDate): CalendarDate {
	return today < period.to ? today : period.to;
}

/** Every month (YYYY-MM) from the period's first day to `until`, for the trends. */
export function monthsBetween(from: CalendarDate, until: CalendarDate): string[] {
	const months: string[] = [];
	for (
		let month = fromCalendarDate(`${from.slice(0, 7)}-01`);
		toCalendarDate(month) <= until;
		month = addMonths(month, 1)
	)
		months.push(toCalendarDate(month).slice(0, 7));
	return months;
}
