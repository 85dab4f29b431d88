import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { expect, scheduleSession, test, welcome } from './support/fixtures';

test('sessions export as an .ics file a calendar parser accepts', async ({ page, app }) => {
	await welcome(page, app, { role: 'mentee', name: 'Sam', partner: 'Rhian' });
	for (const [date, time] of [
		['2031-03-04', '10:30'],
		['2031-04-01', '14:00']
	] as const) {
		await scheduleSession(page, app, { date, time, place: 'County Hall, Room 3' });
	}
	await expect(page.getByTestId('session-row')).toHaveCount(2);

	const all = page.waitForEvent('download');
	await page.getByRole('button', { name: /Add upcoming sessions to your calendar/ }).click();
	const file = await (await all).path();
	const calendar = new ICAL.Component(ICAL.parse(await readFile(file, 'utf8')));
	const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
	expect(events.map((e) => e.summary)).toEqual([
		'Mentoring session with Rhian',
		'Mentoring session with Rhian'
	]);
	expect(events[0]!.location).toBe('County Hall, Room 3');
	// 10:30 in London in March is 10:30 UTC.
	expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2031-03-04T10:30:00.000Z');
	expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2031-03-04T11:30:00.000Z');

	await page.getByTestId('session-row').first().getByRole('link').click();
	const one = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Add to calendar (.ics)' }).click();
	const single = new ICAL.Component(ICAL.parse(await readFile(await (await one).path(), 'utf8')));
	expect(single.getAllSubcomponents('vevent')).toHaveLength(1);
});
