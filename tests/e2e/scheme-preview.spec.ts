import { expect, scheduleSession, test, welcome } from './support/fixtures';

test('the scheme screen shows exactly what would be sent, with none of the pair’s words', async ({
	page,
	app
}) => {
	const sentBodies: string[] = [];
	page.on('request', (request) => {
		const body = request.postData();
		if (body) sentBodies.push(body);
	});

	await welcome(page, app, { role: 'mentee', name: 'CANARY-me', partner: 'CANARY-partner' });
	await page.goto(app.url('/agenda'));
	await page.getByLabel('Topic').fill('CANARY-agenda');
	await page.getByLabel('Details (optional)').fill('CANARY-agenda-details');
	await page.getByRole('button', { name: 'Add to the agenda' }).click();
	await expect(page.getByTestId('agenda-list')).toContainText('CANARY-agenda');

	const today = await scheduleSession(page, app, {
		date: 'today',
		time: '00:01',
		place: 'CANARY-place'
	});
	await page.getByTestId('session-row').first().getByRole('link').click();
	await page.getByLabel('CANARY-agenda').check();
	await page.getByLabel('How long it lasted (minutes)').fill('50');
	await page.getByLabel('Notes', { exact: true }).fill('CANARY-notes');
	await page.getByRole('button', { name: 'Save the log' }).click();
	await page.getByLabel('Action', { exact: true }).fill('CANARY-action');
	await page.getByRole('button', { name: 'Add action' }).click();
	await expect(page.getByLabel(/CANARY-action/)).toBeVisible();

	await page.goto(app.url('/wins'));
	await page.getByLabel('Your win').fill('CANARY-win');
	await page.getByRole('button', { name: 'Save win' }).click();
	await expect(page.getByText('CANARY-win', { exact: true })).toBeVisible();
	await page.goto(app.url('/goals/goal?id=new'));
	await page.getByLabel('Goal', { exact: true }).fill('CANARY-goal');
	await page.getByLabel('Why it matters').fill('CANARY-why');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('heading', { name: 'Milestones' })).toBeVisible();
	await page.goto(app.url('/journal'));
	await page.getByRole('button', { name: 'New entry' }).click();
	await page.getByLabel('Entry', { exact: true }).fill('CANARY-journal');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByTestId('journal-entry')).toHaveCount(1);

	await page.goto(app.url('/scheme'));
	await expect(page.getByText('nothing has been sent')).toBeVisible();
	await expect(page.getByText('Sessions held: 1 (50 minutes in all)')).toBeVisible();
	await expect(page.getByText('Agenda items raised: 1; discussed: 1')).toBeVisible();
	await expect(page.getByText('Goals set: 1; achieved: 0; dropped: 0')).toBeVisible();
	await expect(page.getByText('Actions open: 1; done: 0')).toBeVisible();
	await expect(page.getByText('Wins logged: 1')).toBeVisible();
	await page.getByText('Show exactly what would be sent (JSON)').click();
	const raw = await page.getByTestId('scheme-payload').textContent();
	const payload = JSON.parse(raw!);
	expect(payload.sessionsHeld).toEqual([{ on: today, minutes: 50 }]);
	expect(raw).not.toContain('CANARY');

	// In this release nothing leaves the device at all.
	expect(sentBodies).toEqual([]);
});
