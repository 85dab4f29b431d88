import { expect, test, welcome } from './support/fixtures';
import { fillEveryFreeTextField } from './support/free-text';

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
	const today = await fillEveryFreeTextField(page, app, 'CANARY', 'mentee');

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
