import { expect, scheduleSession, test, waitForOfflineReady, welcome } from './support/fixtures';

test('a mentor with two mentees prepares privately for each, also offline', async ({
	page,
	app
}) => {
	await welcome(page, app, { role: 'mentor', name: 'Cllr Rhian Davies', partner: 'Sam Jones' });
	await waitForOfflineReady(page);
	const nav = page.getByRole('navigation', { name: 'Main' });

	// A second mentee, then back to the first through the switcher.
	await page.goto(app.url('/pair'));
	const addForm = page.locator('section', { hasText: 'Add another mentee' });
	await addForm.getByLabel("Your mentee's name").fill('Alex Morgan');
	await addForm.getByRole('button', { name: 'Add mentee' }).click();
	const switcher = page.getByLabel('Whose mentoring to show');
	await expect(switcher).toHaveValue(/.+/);
	await expect(switcher.locator('option:checked')).toHaveText('Alex Morgan');
	await switcher.selectOption({ label: 'Sam Jones' });

	// An agenda item, a session, and notes: one for the session, one for the pair.
	await nav.getByRole('link', { name: 'Agenda' }).click();
	await page.getByLabel('Topic').fill('Handling a difficult ward meeting');
	await page.getByRole('button', { name: 'Add to the agenda' }).click();
	await expect(page.getByText('Raised by the mentor')).toBeVisible();

	await nav.getByRole('link', { name: 'Sessions' }).click();
	await scheduleSession(page, app, { date: '2031-03-04', time: '10:30', mode: 'Video call' });
	await expect(page.getByTestId('session-row')).toHaveCount(1);

	await nav.getByRole('link', { name: 'Prep' }).click();
	await expect(page.getByRole('heading', { name: 'Preparation: Sam Jones' })).toBeVisible();
	await expect(page.getByText('Handling a difficult ward meeting')).toBeVisible();
	await page
		.getByLabel('Preparation note')
		.fill('Sam seems anxious about the ward meeting; ask, do not tell.');
	await page.getByRole('button', { name: 'Save note' }).click();
	await expect(page.getByText('ask, do not tell')).toBeVisible();

	await page.getByRole('link', { name: /Prepare for/ }).click();
	await expect(page.getByRole('heading', { name: 'Your preparation' })).toBeVisible();
	await page.getByLabel('Preparation note').fill('Open with last month’s win.');
	await page.getByRole('button', { name: 'Save note' }).click();
	await expect(page.getByText('Open with last month’s win.')).toBeVisible();

	// Alex's pair shows none of Sam's.
	await switcher.selectOption({ label: 'Alex Morgan' });
	await nav.getByRole('link', { name: 'Prep' }).click();
	await expect(page.getByRole('heading', { name: 'Preparation: Alex Morgan' })).toBeVisible();
	await expect(page.getByText('ask, do not tell')).toBeHidden();
	await expect(page.getByText('Handling a difficult ward meeting')).toBeHidden();

	// With the server stopped, the notes are there and can still be edited.
	await app.stop();
	await switcher.selectOption({ label: 'Sam Jones' });
	await expect(page.getByRole('heading', { name: 'Preparation: Sam Jones' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Preparation: Sam Jones' })).toBeVisible();
	await expect(page.getByText('ask, do not tell')).toBeVisible();
	await page.getByRole('button', { name: 'Edit' }).first().click();
	await page
		.getByLabel('Preparation note')
		.fill('Rewritten on the train: ask, listen, do not tell.');
	await page.getByRole('button', { name: 'Save note' }).click();
	await expect(page.getByText('Rewritten on the train')).toBeVisible();
	await expect(page.getByText(/^Sam seems anxious/)).toBeHidden();
	await page.reload();
	await expect(page.getByText('Rewritten on the train')).toBeVisible();
});
