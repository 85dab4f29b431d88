import { expectNoViolations, tabToElement } from './support/axe';
import { schemeWithPair } from './support/coordinator';
import { expect, test, waitForOfflineReady } from './support/fixtures';
import { syncWithScheme } from './support/matching';
import { aJoinedPhone, morgan } from './support/pair-devices';

test('a mentor asks for supervision with no signal; the coordinator replies; the reply reaches him', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(120_000);
	const { schemeId, mentor } = await schemeWithPair(page, app);
	const laptop = await aJoinedPhone(browser, app, morgan, mentor.link);
	const p = laptop.page;
	await waitForOfflineReady(p);
	await app.stop();
	await p.reload();

	await p.goto(app.url('/support'));
	await expect(p.getByRole('heading', { name: 'Support for you as a mentor' })).toBeVisible();
	// One tap after choosing: by keyboard alone.
	await p.getByRole('radio', { name: /Supervision/ }).check();
	await p.getByRole('radio', { name: 'Urgent' }).check();
	const ask = p.getByRole('button', { name: 'Ask the coordinator' });
	await tabToElement(p, ask);
	await p.keyboard.press('Enter');
	const request = p.getByTestId('support-request');
	await expect(request).toContainText('Supervision, Urgent');
	await expect(request).toContainText('Waiting to send');
	await expectNoViolations(p, 'mentor support, a request waiting');

	await app.start();
	await syncWithScheme(p, app);
	await p.goto(app.url('/support'));
	await expect(request).not.toContainText('Waiting to send');

	await page.goto(app.url(`/coordinator/schemes/${schemeId}`));
	await expect(page.getByText('Requests for support waiting: 1')).toBeVisible();
	await page.getByRole('link', { name: 'Answer them' }).click();
	const open = page.getByTestId('support-request');
	await expect(open).toContainText('Morgan Mentor asked for supervision');
	await expect(open).toContainText('How soon: Urgent');
	await expectNoViolations(page, 'coordinator support, a request open');
	await page.getByRole('button', { name: 'Send the reply' }).click();
	await expect(page.getByText('This cannot be empty.')).toBeVisible();
	await page.getByLabel('Your reply to Morgan Mentor').fill('I will ring you at 4 today.');
	await page.getByRole('button', { name: 'Send the reply' }).click();
	await expect(page.getByRole('status')).toHaveText('Reply sent to Morgan Mentor.');
	await expect(page.getByText('No mentor is waiting for support.')).toBeVisible();
	await expect(page.getByRole('table')).toContainText('I will ring you at 4 today.');
	await expectNoViolations(page, 'coordinator support, answered');

	await syncWithScheme(p, app);
	await p.goto(app.url('/'));
	await expect(p.getByRole('heading', { name: 'Your coordinator replied' })).toBeVisible();
	await expect(p.getByText('I will ring you at 4 today.')).toBeVisible();
	await p.goto(app.url('/support'));
	await expect(request).toContainText('Answered');
	await expect(request.getByRole('button', { name: 'Cancel this request' })).toHaveCount(0);
	await laptop.context.close();
});
