import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, executablePath } from '../../scripts/chromium.js';
import { schemeWithPair } from './support/coordinator';
import { fakeCameraArgs, fakeCameraFile, filmScreenshot } from './support/fake-camera';
import { addAgendaItem, expect, test, waitForOfflineReady } from './support/fixtures';
import { aJoinedPhone, megan, morgan, syncPair } from './support/pair-devices';

test('a pair links with no signal: one screen shows the QR code, the other’s camera reads it', async ({
	page,
	app,
	browser,
	playwright
}) => {
	test.setTimeout(240_000);
	// The mentee's phone has a camera: Chromium's fake one, filming whatever the file holds.
	const dir = mkdtempSync(join(tmpdir(), 'tandem-camera-'));
	const camera = await fakeCameraFile('WIFI:S:Council guest;T:WPA;P:not-for-tandem;;', dir);
	const withCamera = await playwright.chromium.launch({
		executablePath,
		args: [...chromiumArgs, ...fakeCameraArgs(camera)]
	});
	try {
		const invitations = await schemeWithPair(page, app);
		const mentor = await aJoinedPhone(browser, app, morgan, invitations.mentor.link);
		const mentee = await aJoinedPhone(withCamera, app, megan, invitations.mentee.link);
		for (const p of [mentor.page, mentee.page]) await waitForOfflineReady(p);

		// The meeting is in a room with no signal: the server is unreachable for both.
		await app.stop();
		await mentor.page.goto(app.url('/link'));
		await mentor.page.getByRole('button', { name: 'Show a code' }).click();
		const qr = mentor.page.getByTestId('qr-code');
		await expect(qr.locator('svg')).toBeVisible();
		await expect(mentor.page.getByText('No connection, so no short code')).toBeVisible();

		await mentee.page.goto(app.url('/link'));
		await expect(mentee.page.getByRole('heading', { name: 'Link devices' })).toBeVisible();
		// First the wrong code: someone else's QR code is refused in plain words.
		await mentee.page.getByRole('button', { name: 'Start the camera' }).click();
		await expect(
			mentee.page
				.getByRole('alert')
				.filter({ hasText: 'That QR code is not a Tandem linking code.' })
		).toBeVisible();
		// Then the camera films what the mentor's screen really shows.
		await filmScreenshot(await qr.screenshot(), page, camera);
		await mentee.page.getByRole('button', { name: 'Start the camera' }).click();
		await expect(
			mentee.page.getByRole('status').filter({ hasText: 'Linked on this device' })
		).toBeVisible({
			timeout: 20_000
		});

		// Still with no signal, the mentee sets the agenda on the way home.
		await addAgendaItem(mentee.page, app, 'Set on the bus home');

		// Back in signal, each device finishes linking by itself, and the agenda arrives.
		await app.start();
		await syncPair(mentor.page, app);
		await syncPair(mentee.page, app);
		await syncPair(mentor.page, app);
		await mentor.page.goto(app.url('/agenda'));
		await expect(mentor.page.getByTestId('agenda-list')).toContainText('Set on the bus home');
		await mentee.context.close();
		await mentor.context.close();
	} finally {
		await withCamera.close();
	}
});
