import { addDays } from 'date-fns';
import { fromCalendarDate, type CalendarDate } from '$lib/domain/calendar-date';
import { figuresAsOf, type ReportPeriod } from '$lib/domain/report-period';

/** What every section of a report is computed over. */
export interface ReportScope {
	schemeId: string;
	period: ReportPeriod;
	/** The last day counted: the period's end, or today while it runs. */
	asOf: CalendarDate;
	stallAfterWeeks: number;
	/** The period's first moment and the moment after `asOf`, for times such as answeredAt. */
	startsAt: Date;
	endsBefore: Date;
}

export function reportScope(
	scheme: { id: string; stallAfterWeeks: number },
	period: ReportPeriod,
	today: CalendarDate
): ReportScope {
	const asOf = figuresAsOf(period, today);
	return {
		schemeId: scheme.id,
		period,
		asOf,
		stallAfterWeeks: scheme.stallAfterWeeks,
		startsAt: fromCalendarDate(period.from),
		endsBefore: addDays(fromCalendarDate(asOf), 1)
	};
}
