import { dashboardRow } from './support/coordinator';
import { addAgendaItem, expect, scheduleSession, test } from './support/fixtures';
import {
	aPairOnTwoDevices,
	deviceData,
	linkByShortCode,
	schemePairSays,
	syncPair
} from './support/pair-devices';

test('a pair links by code, then shares agenda and session edits made offline, and nothing private', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(240_000);
	const { phone, laptop } = await aPairOnTwoDevices(page, app, browser);

	await laptop.page.goto(app.url('/pair'));
	await expect(laptop.page.getByTestId('pair-link')).toContainText('Not linked yet');
	await linkByShortCode(laptop.page, phone.page, app);
	// The showing device sees the other arrive.
	await expect(laptop.page.getByText('Megan’s device is linked.')).toBeVisible({ timeout: 15_000 });

	// Private writing on each side, which must never reach the other.
	await phone.page.goto(app.url('/journal'));
	await phone.page.getByRole('button', { name: 'New entry' }).click();
	await phone.page.getByLabel('Entry', { exact: true }).fill('JOURNAL-ONLY-MINE');
	await phone.page.getByRole('button', { name: 'Save' }).click();
	await expect(phone.page.getByTestId('journal-entry')).toHaveCount(1);
	await laptop.page.goto(app.url('/prep'));
	await laptop.page.getByLabel('Preparation note').fill('PREP-ONLY-MINE');
	await laptop.page.getByRole('button', { name: 'Save note' }).click();
	await expect(laptop.page.getByText('PREP-ONLY-MINE')).toBeVisible();

	// A session both will edit, shared while online.
	await scheduleSession(phone.page, app, { date: 'today', time: '00:01', place: 'Room 1' });
	await syncPair(phone.page, app);
	await syncPair(laptop.page, app);
	await laptop.page.goto(app.url('/sessions'));
	await expect(laptop.page.getByTestId('session-row')).toHaveCount(1);

	// The server goes away: the mentee on the bus, the mentor on a train.
	await app.stop();
	await phone.page.goto(app.url('/agenda'));
	await phone.page.reload();
	for (const title of ['Chairing my first committee', 'Casework backlog']) {
		await addAgendaItem(phone.page, app, title);
	}
	await phone.page.goto(app.url('/sessions'));
	await phone.page.getByTestId('session-row').first().getByRole('link').click();
	await phone.page.getByLabel('How long it lasted (minutes)').fill('45');
	await phone.page
		.getByLabel('Notes', { exact: true })
		.fill('What we agreed, in the mentee’s words');
	await phone.page.getByRole('button', { name: 'Save the log' }).click();
	await expect(phone.page.getByText('Session logged.')).toBeVisible();

	await laptop.page.goto(app.url('/sessions'));
	await laptop.page.reload();
	await laptop.page.getByTestId('session-row').first().getByRole('link').click();
	await laptop.page.getByText('Change date, time or place').click();
	await laptop.page.getByLabel('Place or call link (optional)').fill('Teams link');
	await laptop.page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(laptop.page.getByText('Saved.')).toBeVisible();
	await laptop.page.goto(app.url('/pair'));
	await expect(laptop.page.getByTestId('pair-link-state')).toContainText(
		'Changes waiting to go: 1'
	);

	await app.start();
	await syncPair(phone.page, app);
	await syncPair(laptop.page, app);
	await syncPair(phone.page, app);

	await laptop.page.goto(app.url('/agenda'));
	await expect(laptop.page.getByTestId('agenda-list')).toContainText('Chairing my first committee');
	await expect(laptop.page.getByTestId('agenda-list')).toContainText('Casework backlog');

	// Both edits to the one session survive, and both devices hold the same record.
	const sessionOn = async (p: typeof phone) =>
		(
			(await deviceData(p.page)).sessions as {
				place: string;
				notes: string;
				actualMinutes: number;
				status: string;
				pairId?: string;
				updatedAt?: string;
			}[]
		).map(({ pairId: _pair, updatedAt: _at, ...rest }) => rest);
	const [onPhone] = await sessionOn(phone);
	expect(onPhone).toMatchObject({
		place: 'Teams link',
		status: 'held',
		actualMinutes: 45,
		notes: 'What we agreed, in the mentee’s words'
	});
	expect(await sessionOn(laptop)).toEqual([onPhone]);
	await laptop.page.goto(app.url('/sessions'));
	await laptop.page.getByTestId('session-row').first().getByRole('link').click();
	await expect(laptop.page.getByText('Teams link')).toBeVisible();
	await expect(laptop.page.getByLabel('Notes', { exact: true })).toHaveValue(
		'What we agreed, in the mentee’s words'
	);

	// The journal and the preparation notes stayed with their authors.
	expect(JSON.stringify(await deviceData(laptop.page))).not.toContain('JOURNAL-ONLY-MINE');
	expect(JSON.stringify(await deviceData(phone.page))).not.toContain('PREP-ONLY-MINE');
	await laptop.page.goto(app.url('/pair'));
	await expect(laptop.page.getByTestId('pair-link-state')).toContainText(
		'Megan’s device last synced'
	);

	await phone.context.close();
	await laptop.context.close();
});

test('pause, resume and a member’s end show alike on both devices and the dashboard, which cannot undo the end', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(180_000);
	const { invitations, phone, laptop } = await aPairOnTwoDevices(page, app, browser);
	await linkByShortCode(laptop.page, phone.page, app);
	await addAgendaItem(phone.page, app, 'Shared before the end');
	await syncPair(phone.page, app);
	await syncPair(laptop.page, app);

	// The coordinator pauses the pair and both devices say so after a sync; then resumes it.
	const { schemeId } = invitations;
	const row = await dashboardRow(page, app, schemeId, 'Morgan Mentor');
	const pairId = (await row.locator('input[name="pairId"]').inputValue()).trim();
	await row.getByRole('button', { name: 'Pause – Morgan Mentor with Megan Mentee' }).click();
	await expect(row.getByRole('cell').nth(1)).toHaveText('Paused');
	for (const device of [phone, laptop])
		await schemePairSays(device.page, app, 'Your scheme coordinator has paused this pair.');
	await row.getByRole('button', { name: 'Resume – Morgan Mentor with Megan Mentee' }).click();
	await expect(row.getByRole('cell').nth(1)).toHaveText('Active');
	await schemePairSays(phone.page, app, 'In your scheme this pair is active.');

	await phone.page.goto(app.url('/pair'));
	await phone.page.getByText('End the mentoring pair…').click();
	const end = phone.page.getByRole('button', { name: 'End the pair' });
	await expect(end).toBeDisabled();
	await phone.page.getByLabel('I want to end my mentoring pair with Morgan').check();
	await end.click();
	await expect(phone.page.getByText('The pair has ended.')).toBeVisible();
	await expect(phone.page.getByTestId('pair-link')).toContainText('The pair ended on');

	// The mentor's device learns of it when it next syncs (opening the app does), and keeps
	// everything shared.
	await schemePairSays(laptop.page, app, 'This pair has ended in the scheme.');
	await expect(laptop.page.getByTestId('pair-link')).toContainText('The pair ended on');
	// Both say the same day, in the link's state and in the scheme's dates.
	await phone.page.goto(app.url('/pair'));
	const saying = (page: typeof phone.page) =>
		Promise.all([
			page.getByTestId('pair-link').getByRole('status').innerText(),
			page.getByTestId('scheme-pair').innerText()
		]);
	expect(await saying(laptop.page)).toEqual(await saying(phone.page));
	await laptop.page.goto(app.url('/agenda'));
	await expect(laptop.page.getByTestId('agenda-list')).toContainText('Shared before the end');
	// What either writes now stays on their own device: nothing is queued for the other.
	await addAgendaItem(laptop.page, app, 'Written after the end');
	expect((await deviceData(laptop.page)).pairOutbox).toEqual([]);
	const syncedAt = async () =>
		((await deviceData(phone.page)).pairChannels as { lastSyncedAt: string }[])[0]!.lastSyncedAt;
	const before = await syncedAt();
	await phone.page.goto(app.url('/agenda'));
	await expect.poll(syncedAt, { timeout: 20_000 }).not.toBe(before);
	await expect(phone.page.getByTestId('agenda-list')).toContainText('Shared before the end');
	await expect(phone.page.getByTestId('agenda-list')).not.toContainText('Written after the end');

	// The coordinator sees that the pair ended, never why, and has no way to resume it: no
	// button, and a request made by hand is refused in words.
	const ended = await dashboardRow(page, app, schemeId, 'Morgan Mentor');
	await expect(ended.getByRole('cell').nth(1)).toHaveText('Ended');
	await expect(ended.getByRole('button')).toHaveCount(0);
	await page.evaluate((pairId) => {
		const form = document.createElement('form');
		form.method = 'POST';
		form.action = '?/status';
		for (const [name, value] of [
			['pairId', pairId],
			['status', 'active']
		]) {
			const input = document.createElement('input');
			Object.assign(input, { type: 'hidden', name, value });
			form.append(input);
		}
		document.body.append(form);
		form.submit();
	}, pairId);
	await expect(page.getByRole('status')).toHaveText(
		'The pairing of Morgan Mentor with Megan Mentee has ended, so it can no longer be paused or resumed. To carry on mentoring, pair them again below.'
	);
	await expect(ended.getByRole('cell').nth(1)).toHaveText('Ended');
	await phone.context.close();
	await laptop.context.close();
});
