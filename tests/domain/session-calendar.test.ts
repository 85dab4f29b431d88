import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { sessionsToIcs } from '$lib/domain/session-calendar';
import { session } from '../support/factories';

describe('calendar export', () => {
	it('writes a file a real iCalendar parser reads back, without the pair notes', () => {
		const s = session({
			id: 's1',
			startsAt: '2026-12-01T14:30',
			plannedMinutes: 90,
			place: 'Room 3, County Hall',
			notes: 'CONFIDENTIAL NOTE'
		});
		const text = sessionsToIcs([s], {
			summary: 'Mentoring session with Rhian',
			calendarName: 'Tandem'
		});
		const calendar = new ICAL.Component(ICAL.parse(text));
		const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		expect(events).toHaveLength(1);
		const event = events[0]!;
		expect(event.uid).toBe('s1@tandem');
		expect(event.summary).toBe('Mentoring session with Rhian');
		expect(event.location).toBe('Room 3, County Hall');
		expect(event.startDate.toJSDate()).toEqual(new Date(2026, 11, 1, 14, 30));
		expect(event.endDate.toJSDate()).toEqual(new Date(2026, 11, 1, 16, 0));
		expect(text).not.toContain('CONFIDENTIAL');
	});

	it('puts several sessions in one file', () => {
		const text = sessionsToIcs([session(), session({ startsAt: '2026-12-08T10:00' })], {
			summary: 'Mentoring',
			calendarName: 'Tandem'
		});
		const calendar = new ICAL.Component(ICAL.parse(text));
		expect(calendar.getAllSubcomponents('vevent')).toHaveLength(2);
	});
});
