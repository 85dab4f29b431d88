import { addDays } from 'date-fns';
import { toCalendarDate, weekKeyOf } from '$lib/domain/calendar-date';
import type { MetricsPayload } from '$lib/protocol/metrics-payload';

/**
 * A report as the scheme can believe it on the day it arrives: nothing can have been held, won
 * or done after tomorrow (a day's grace for time zones). Dates past that come from a wrong
 * clock or a slip of the finger; kept, they would make a pair look active for years and hide
 * it from the stalling flag, so they are left out of the figures.
 */
export function asOf(payload: MetricsPayload, now: Date): MetricsPayload {
	const latest = toCalendarDate(addDays(now, 1));
	const latestWeek = weekKeyOf(latest);
	const past = (day: string | null) => (day !== null && day <= latest ? day : null);
	return {
		...payload,
		sessionsHeld: payload.sessionsHeld.filter((s) => s.on <= latest),
		winsByWeek: payload.winsByWeek.filter((w) => w.week <= latestWeek),
		agreementOn: past(payload.agreementOn),
		lastActivityOn: past(payload.lastActivityOn)
	};
}
