import { readFile } from 'node:fs/promises';
import { expect, test, welcome } from './support/fixtures';

test('export everything, erase the device, and import it back', async ({ page, app }) => {
	await welcome(page, app, { role: 'mentee', name: 'Sam', partner: 'Rhian' });
	await page.goto(app.url('/journal'));
	await page.getByRole('button', { name: 'New entry' }).click();
	await page.getByLabel('Entry', { exact: true }).fill('An entry worth keeping.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByTestId('journal-entry')).toHaveCount(1);
	await page.goto(app.url('/wins'));
	await page.getByLabel('Your win').fill('Chaired my first meeting');
	await page.getByRole('button', { name: 'Save win' }).click();
	await expect(page.getByText('Chaired my first meeting', { exact: true })).toBeVisible();

	await page.goto(app.url('/settings'));
	await expect(page.getByRole('status').filter({ hasText: /browser/i })).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export everything (JSON)' }).click();
	const file = await (await download).path();
	const exported = JSON.parse(await readFile(file, 'utf8'));
	expect(exported.format).toBe('tandem-export');
	expect(exported.tables.journal.map((e: { body: string }) => e.body)).toEqual([
		'An entry worth keeping.'
	]);
	expect(exported.tables.wins).toHaveLength(1);

	await page.getByRole('button', { name: 'Erase everything on this device' }).click();
	const confirm = page.getByRole('button', { name: 'Yes, erase everything' });
	await expect(confirm).toBeDisabled();
	await page.getByLabel('I understand that everything on this device will be deleted.').check();
	await confirm.click();
	await expect(page.getByRole('heading', { name: 'Welcome to Tandem' })).toBeVisible();
	await page.goto(app.url('/journal'));
	await expect(page).toHaveURL(/\/welcome$/);

	await page.getByLabel('Choose a file to import').setInputFiles(file);
	await expect(page.getByRole('heading', { name: 'Hello, Sam' })).toBeVisible();
	await page.goto(app.url('/journal'));
	await expect(page.getByText('An entry worth keeping.')).toBeVisible();

	// Importing the same file again adds nothing.
	await page.goto(app.url('/settings'));
	await page.getByLabel('Choose a file to import').setInputFiles(file);
	await expect(page.getByText(/Imported: 0 new, 0 updated/)).toBeVisible();
	await page.goto(app.url('/journal'));
	await expect(page.getByTestId('journal-entry')).toHaveCount(1);
});

test('a file that is not a Tandem export is refused with a clear message', async ({
	page,
	app
}) => {
	await page.goto(app.url('/welcome'));
	await page.getByLabel('Choose a file to import').setInputFiles({
		name: 'notes.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"some":"thing"}')
	});
	await expect(
		page.getByText('This is not a Tandem export file. Nothing was imported.')
	).toBeVisible();
	await expect(page).toHaveURL(/\/welcome$/);
});

test('a change in one tab shows in another at once', async ({ page, app, context }) => {
	await welcome(page, app, { role: 'mentee', name: 'Sam', partner: 'Rhian' });
	await page.goto(app.url('/agenda'));
	const other = await context.newPage();
	await other.goto(app.url('/'));
	await expect(other.getByText('Items on the agenda for next time: 0')).toBeVisible();
	await page.getByLabel('Topic').fill('Budget scrutiny');
	await page.getByRole('button', { name: 'Add to the agenda' }).click();
	await expect(other.getByText('Items on the agenda for next time: 1')).toBeVisible();
});

test('a full disk while saving is explained and the typed text is kept', async ({ page, app }) => {
	await welcome(page, app, { role: 'mentee', name: 'Sam', partner: 'Rhian' });
	await page.goto(app.url('/journal'));
	await page.getByRole('button', { name: 'New entry' }).click();
	const text = 'A long reflection written on the bus that must not be lost.';
	await page.getByLabel('Entry', { exact: true }).fill(text);

	// The browser refuses every write from now on, as a full origin does.
	await page.evaluate(() => {
		const refuse = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		IDBObjectStore.prototype.put = refuse;
		IDBObjectStore.prototype.add = refuse;
	});
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('alert')).toContainText("This device's storage is full");
	await expect(page.getByLabel('Entry', { exact: true })).toHaveValue(text);
	await expect(page.getByTestId('journal-entry')).toHaveCount(0);
});
