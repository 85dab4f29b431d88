import ical, { ICalEventStatus } from 'ical-generator';
import { fromLocalDateTime } from './calendar-date';
import { sessionEnd, type Session } from './session';

export interface CalendarWording {
	/** The event title, e.g. "Mentoring session with Alex". */
	summary: string;
	calendarName: string;
}

/**
 * An iCalendar file for sessions. It carries only the time, the place and a title: agenda and
 * notes stay out, because calendar apps sync to services the pair does not control.
 */
export function sessionsToIcs(sessions: readonly Session[], wording: CalendarWording): string {
	const calendar = ical({
		name: wording.calendarName,
		prodId: { company: 'Tandem', product: 'Tandem', language: 'EN' }
	});
	for (const session of sessions) {
		calendar.createEvent({
			id: `${session.id}@tandem`,
			start: fromLocalDateTime(session.startsAt),
			end: sessionEnd(session),
			summary: wording.summary,
			location: session.place || null,
			status:
				session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
			stamp: new Date(session.updatedAt)
		});
	}
	return calendar.toString();
}
