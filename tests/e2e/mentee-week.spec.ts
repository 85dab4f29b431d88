import { expect, scheduleSession, test, waitForOfflineReady, welcome } from './support/fixtures';

// A mentee on a phone.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test('a mentee keeps a week of mentoring, then carries on with the server gone', async ({
	page,
	app
}) => {
	await welcome(page, app, { role: 'mentee', name: 'Sam Jones', partner: 'Cllr Rhian Davies' });
	await waitForOfflineReady(page);
	const nav = page.getByRole('navigation', { name: 'Main' });

	// Journal: write, tag, search, edit, delete and undo.
	await nav.getByRole('link', { name: 'Journal' }).click();
	await page.getByRole('button', { name: 'New entry' }).click();
	await page
		.getByLabel('Reflective prompt (optional)')
		.selectOption({ label: 'What did I learn?' });
	await page
		.getByLabel('Entry', { exact: true })
		.fill('How a scrutiny call-in works, step by step.');
	await page.getByLabel('Tags (optional)').fill('Scrutiny, committees');
	await page.getByRole('button', { name: 'Save' }).click();
	const entries = page.getByTestId('journal-entry');
	await expect(entries).toHaveCount(1);
	await expect(entries.first()).toContainText('What did I learn?');
	await expect(entries.first()).toContainText('scrutiny');

	await page.getByRole('button', { name: 'New entry' }).click();
	await page
		.getByLabel('Entry', { exact: true })
		.fill('Local radio asked for a comment on the bypass.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(entries).toHaveCount(2);

	await page.getByLabel('Search your journal').fill('radio');
	await expect(page.getByText('Entries found: 1')).toBeVisible();
	await expect(entries).toHaveCount(1);
	await expect(entries.first()).toContainText('bypass');
	await page.getByLabel('Search your journal').fill('');
	await expect(entries).toHaveCount(2);

	await entries.filter({ hasText: 'bypass' }).getByRole('button', { name: /Edit/ }).click();
	await page
		.getByLabel('Entry', { exact: true })
		.fill('Local radio asked about the bypass; I declined politely.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(entries.filter({ hasText: 'declined politely' })).toHaveCount(1);

	await entries
		.filter({ hasText: 'declined' })
		.getByRole('button', { name: /Delete/ })
		.click();
	await expect(entries).toHaveCount(1);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(entries).toHaveCount(2);

	// Agenda: three items, reordered.
	await nav.getByRole('link', { name: 'Agenda' }).click();
	for (const topic of ['Group meeting dynamics', 'Casework load', 'Media training']) {
		await page.getByLabel('Topic').fill(topic);
		await page.getByRole('button', { name: 'Add to the agenda' }).click();
		await expect(page.getByTestId('agenda-list')).toContainText(topic);
	}
	await page.getByRole('button', { name: 'Move up: Media training' }).click();
	await expect(page.getByTestId('agenda-list').locator('li strong')).toHaveText([
		'Group meeting dynamics',
		'Media training',
		'Casework load'
	]);

	// A goal with milestones.
	await page.goto(app.url('/goals/goal?id=new'));
	await page
		.getByLabel('Goal', { exact: true })
		.fill('Chair the planning committee with confidence');
	await page.getByLabel('Outcome you are aiming for').selectOption({ label: 'A new role' });
	await page.getByLabel('Why it matters').fill('I become vice-chair in May.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('heading', { name: 'Milestones' })).toBeVisible();
	for (const step of ['Observe two meetings', 'Chair a working group']) {
		await page.getByLabel('New milestone').fill(step);
		await page.getByRole('button', { name: 'Add milestone' }).click();
		await expect(page.getByLabel(step)).toBeVisible();
	}
	await page.getByLabel('Observe two meetings').check();
	await expect(page.getByText('50%')).toBeVisible();

	// This week's win, from Today's prompt.
	await nav.getByRole('link', { name: 'Today' }).click();
	await expect(page.getByText('What went well this week?')).toBeVisible();
	await page.getByLabel('Your win').fill('Asked my first question at full council');
	await page.getByRole('button', { name: 'Save win' }).click();
	await expect(page.getByText('Asked my first question at full council')).toBeVisible();
	await expect(page.getByText('What went well this week?')).toBeHidden();

	// A session earlier today, logged: one item discussed, the others carry over, an action agreed.
	await nav.getByRole('link', { name: 'Sessions' }).click();
	await scheduleSession(page, app, { date: 'today', time: '00:01', place: 'Members room' });
	await page.getByTestId('session-row').first().getByRole('link').click();
	await page.getByLabel('Group meeting dynamics').check();
	await page.getByLabel('How long it lasted (minutes)').fill('45');
	await page.getByLabel('Notes', { exact: true }).fill('Talked through the group meeting.');
	await page.getByRole('button', { name: 'Save the log' }).click();
	await expect(page.getByText('Held', { exact: true })).toBeVisible();
	await page.getByLabel('Action', { exact: true }).fill('Read the planning code of conduct');
	await page.getByRole('button', { name: 'Add action' }).click();
	await expect(page.getByLabel(/Read the planning code of conduct/)).toBeVisible();

	await nav.getByRole('link', { name: 'Agenda' }).click();
	await expect(page.getByTestId('agenda-list').locator('li strong')).toHaveText([
		'Media training',
		'Casework load'
	]);
	await expect(page.getByText('Carried over 1×')).toHaveCount(2);

	await nav.getByRole('link', { name: 'Today' }).click();
	await expect(page.getByText('Read the planning code of conduct')).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Chair the planning committee with confidence' })
	).toBeVisible();

	// The server goes away. The app reloads from the service worker and everything still works.
	await app.stop();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Hello, Sam Jones' })).toBeVisible();
	await expect(page.getByText('Read the planning code of conduct')).toBeVisible();
	await expect(page.getByText('Asked my first question at full council')).toBeVisible();

	await page.goto(app.url('/journal'));
	await expect(entries).toHaveCount(2);
	await page.getByRole('button', { name: 'New entry' }).click();
	await page.getByLabel('Entry', { exact: true }).fill('Written on the bus with no signal.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(entries).toHaveCount(3);
	await page.getByLabel('Search your journal').fill('signal');
	await expect(entries).toHaveCount(1);

	await page.goto(app.url('/agenda'));
	await page.getByLabel('Topic').fill('Added offline');
	await page.getByRole('button', { name: 'Add to the agenda' }).click();
	await expect(page.getByTestId('agenda-list')).toContainText('Added offline');

	await page.getByRole('link', { name: 'More' }).click();
	await page.getByRole('link', { name: 'Goals' }).click();
	await page.getByRole('link', { name: 'Chair the planning committee with confidence' }).click();
	await page.getByLabel('Chair a working group').check();
	await expect(page.getByText('100%')).toBeVisible();

	await page.reload();
	await page.goto(app.url('/journal'));
	await expect(entries.filter({ hasText: 'no signal' })).toHaveCount(1);
	await page.goto(app.url('/sessions'));
	await expect(page.getByTestId('session-row')).toHaveCount(1);
	await page.goto(app.url('/wins'));
	await expect(
		page.getByText('Asked my first question at full council', { exact: true })
	).toBeVisible();
});

test('bad input is explained next to the field and nothing half-done is saved', async ({
	page,
	app
}) => {
	await page.goto(app.url('/welcome'));
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.locator('#name-problem')).toHaveText('This cannot be empty.');
	await expect(page.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
	await page.getByLabel('Your name').fill('Sam');
	await page.getByLabel("Your mentor's name").fill('Rhian');
	await page.getByLabel('Mentoring started on').fill('2026-11-23');
	await page.getByLabel('Planned end (optional)').fill('2026-05-01');
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByText('The end date must be on or after the start date.')).toBeVisible();
	await expect(page).toHaveURL(/\/welcome$/);
	await page.getByLabel('Planned end (optional)').fill('2027-05-23');
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByRole('heading', { name: 'Hello, Sam' })).toBeVisible();

	await page.goto(app.url('/journal'));
	await page.getByRole('button', { name: 'New entry' }).click();
	const huge = 'x'.repeat(100_000);
	await page.getByLabel('Entry', { exact: true }).fill(huge);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('This is too long. Shorten it and try again.')).toBeVisible();
	await expect(page.getByLabel('Entry', { exact: true })).toHaveValue(huge);
	await expect(page.getByTestId('journal-entry')).toHaveCount(0);

	await page.goto(app.url('/agenda'));
	await page.getByRole('button', { name: 'Add to the agenda' }).click();
	await expect(page.getByText('This cannot be empty.')).toBeVisible();
	await expect(page.getByTestId('agenda-list').locator('li')).toHaveCount(0);

	await page.goto(app.url('/sessions'));
	await page.locator('summary', { hasText: 'Schedule a session' }).click();
	await page.getByLabel('Planned length (minutes)').fill('10000');
	await page.getByRole('button', { name: 'Schedule a session' }).click();
	await expect(page.getByText('Enter a whole number in the allowed range.')).toBeVisible();
	await expect(page.locator('#new-session-date-problem')).toHaveText('This cannot be empty.');
	await expect(page.getByTestId('session-row')).toHaveCount(0);
});
