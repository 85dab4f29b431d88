import type { Browser, Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { newCodeFor, schemeWithPair } from './support/coordinator';
import { expect, joinFromLink, test, welcome } from './support/fixtures';

const person = { role: 'mentee', name: 'Megan Mentee', partner: 'Morgan Mentor' } as const;
const phoneOf = async (browser: Browser) =>
	(await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' })).newPage();

/** Runs a round with the scheme now, from the scheme screen. */
async function syncNow(device: Page, origin: string) {
	await device.goto(`${origin}/scheme`);
	const send = device.getByRole('button', { name: 'Send now' });
	await send.click();
	await expect(send).toBeEnabled();
}

/**
 * A round from a device that has been removed: it says so, and offers to join again. A round
 * of its own (the app syncs when it opens) may find out first and take the button away.
 */
async function syncRemoved(device: Page, origin: string) {
	await device.goto(`${origin}/scheme`);
	const removed = device.getByText('This device has been removed from the scheme');
	await expect(async () => {
		if (!(await removed.isVisible()))
			await device.getByRole('button', { name: 'Send now' }).click({ timeout: 2_000 });
		await expect(removed).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
}

test('a new device joining as someone is announced on their phone, which can remove it', async ({
	page,
	app,
	browser
}) => {
	const { schemeId, mentee } = await schemeWithPair(page, app);
	const phone = await phoneOf(browser);
	await welcome(phone, app, person);
	await joinFromLink(phone, mentee.link);

	// A second code for the same person: whoever holds it joins as her.
	const again = await newCodeFor(page, app, schemeId, 'Megan Mentee');
	expect(again.link).toContain('/join#code=');
	const laptop = await phoneOf(browser);
	await welcome(laptop, app, person);
	await joinFromLink(laptop, again.link);

	await syncNow(phone, app.origin);
	await phone.goto(app.url('/'));
	const notice = phone.getByTestId('new-device');
	await expect(notice).toContainText('A new device joined as you');
	await expect(notice).toContainText('Chrome on Linux joined the scheme as you');
	await expectNoViolations(phone, 'Today with a new device');

	await phone.goto(app.url('/settings'));
	const list = phone.getByTestId('own-devices');
	await expect(list.getByRole('listitem')).toHaveCount(2);
	await expect(list).toContainText('This device');
	await expectNoViolations(phone, 'Settings, your devices');
	await list.getByRole('button', { name: /^Remove / }).click();
	await expect(
		phone.getByRole('status').filter({ hasText: 'no longer syncs as you' })
	).toBeVisible();
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await phone.goto(app.url('/'));
	await expect(phone.getByTestId('new-device')).toHaveCount(0);

	// The laptop learns on its next sync that it was removed, and keeps what it has.
	await syncRemoved(laptop, app.origin);

	// The coordinator sees the one device left, and can revoke it alone.
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/people`));
	const row = page.getByTestId('person-row').filter({ hasText: 'Megan Mentee' });
	await row.getByRole('button', { name: /^Revoke / }).click();
	await expect(page.getByRole('status')).toContainText('The device no longer syncs');
	await syncRemoved(phone, app.origin);
});
