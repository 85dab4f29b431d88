import { invitationCodeOf } from '../../src/lib/domain/invitation-link';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expectNoViolations, tabToElement } from './support/axe';
import type { AppServer } from './support/app-server';
import { schemeWithPair } from './support/coordinator';
import { joinThroughApi } from './support/device-api';
import { expect, test } from './support/fixtures';

const sections = [
	'Summary',
	'Pairs',
	'Sessions and hours',
	'Goals',
	'Wins',
	'Check-ins before and after',
	'Outcomes',
	'Shared comments',
	'Participation',
	'Trends by month',
	"The coordinator's account",
	'A note on method'
];

/** Joins with an invitation link's code through the device API, as a device would. */
const joinedDevice = (app: AppServer, link: string) =>
	joinThroughApi(app, invitationCodeOf(new URL(link)));

/** One member's progress report, sent as their device sends it. */
async function report(app: AppServer, authorization: string, body: object): Promise<string> {
	const me = await fetch(app.url('/api/v1/participation'), { headers: { authorization } });
	const { pairs } = (await me.json()) as { pairs: { id: string }[] };
	const sent = await fetch(app.url('/api/v1/metrics'), {
		method: 'POST',
		headers: { authorization, 'content-type': 'application/json' },
		body: JSON.stringify({
			uploadId: crypto.randomUUID(),
			version: 1,
			generatedAt: new Date().toISOString(),
			pair: pairs[0]!.id,
			sessionsScheduled: 0,
			agendaItemsRaised: 0,
			agendaItemsDiscussed: 0,
			goalsSet: 3,
			goalsAchieved: 1,
			goalsDropped: 0,
			actionsOpen: 0,
			actionsDone: 0,
			agreementOn: null,
			lastActivityOn: null,
			...body
		})
	});
	expect(await sent.json()).toEqual({ outcome: 'applied' });
	return pairs[0]!.id;
}

/** Text of every page of a PDF, as a reader would copy it. */
async function pdfText(pdf: Buffer): Promise<string> {
	const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
	const pages: string[] = [];
	for (let n = 1; n <= document.numPages; n++) {
		const content = await (await document.getPage(n)).getTextContent();
		pages.push(
			content.items
				.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : ''))
				.join('')
		);
	}
	return pages.join('\n').replace(/\s+/g, ' ');
}

async function openReport(page: Page, app: AppServer, schemeId: string) {
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/report`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Evaluation report: Member mentoring pilot'
	);
}

test('a coordinator reads, annotates, downloads and prints the evaluation report', async ({
	page,
	app
}) => {
	test.setTimeout(180_000);
	const { schemeId, mentor, mentee } = await schemeWithPair(page, app);
	const mentorAuth = await joinedDevice(app, mentor.link);
	const menteeAuth = await joinedDevice(app, mentee.link);
	// A session both logged (counted once, at the longer length) and one only the mentor did.
	const pairId = await report(app, menteeAuth, {
		sessionsHeld: [{ on: '2026-06-01', minutes: 45 }],
		winsByWeek: [{ week: '2026-W23', wins: 2 }]
	});
	await report(app, mentorAuth, {
		sessionsHeld: [
			{ on: '2026-06-01', minutes: 60 },
			{ on: '2026-07-06', minutes: 30 }
		],
		winsByWeek: [{ week: '2026-W23', wins: 1 }]
	});
	// A check-in with a comment the mentee chose to share, and a win she shared to the board, as
	// her device sends them.
	const post = (path: string, body: object) =>
		fetch(app.url(path), {
			method: 'POST',
			headers: { authorization: menteeAuth, 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
	const answered = await post('/api/v1/surveys/answers', {
		id: crypto.randomUUID(),
		pair: pairId,
		checkpoint: 'baseline',
		answeredAt: '2026-06-02T10:00:00.000Z',
		ratings: { confidence: 2, goalProgress: 3, relationship: null, meetingsUseful: null },
		again: null,
		outcomes: [],
		comment: 'Having someone to ask made the difference.'
	});
	expect(await answered.json()).toEqual({ outcome: 'saved' });
	const shared = await post('/api/v1/board/posts', {
		kind: 'win',
		id: crypto.randomUUID(),
		text: 'Chaired my first meeting',
		wonOn: '2026-06-03',
		showName: false,
		postedAt: '2026-06-03T10:00:00.000Z'
	});
	expect(shared.status).toBe(201);

	await openReport(page, app, schemeId);
	for (const name of sections)
		await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
	await expect(page.getByTestId('summary-sessions')).toHaveText('2');
	await expect(page.getByTestId('summary-hours')).toHaveText('1.5');
	await expect(page.getByTestId('wins-logged')).toHaveText('2');
	await expect(page.getByTestId('wins-shared')).toHaveText('1');
	await expect(page.getByTestId('summary-pairs-formed')).toHaveText('fewer than 5');
	await expect(page.getByTestId('checkin-mentee-baseline-confidence-answers')).toHaveText(
		'fewer than 5'
	);
	await expect(page.getByTestId('checkin-mentee-baseline-confidence-mean')).toHaveText('not shown');
	await expect(page.getByTestId('checkin-mentee-end-confidence-answers')).toHaveText('0');
	await expect(page.getByText('Having someone to ask made the difference.')).toBeVisible();
	await expect(page.getByRole('img', { name: /Sessions held each month/ })).toBeVisible();

	// The narrative, by keyboard alone: too long first (kept, with the reason), then saved.
	const narrative = page.getByLabel('Your account for the committee');
	await tabToElement(page, narrative);
	const tooLong = 'A pilot worth continuing. '.repeat(200);
	await narrative.fill(tooLong);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Save the account' })).toBeFocused();
	await page.keyboard.press('Enter');
	expect(await narrative.inputValue()).toBe(tooLong);
	await expect(page.getByText('You wrote 5,199 characters; the limit is 5,000.')).toBeVisible();
	await expect(narrative).toHaveAttribute('aria-invalid', 'true');
	await expectNoViolations(page, 'report, narrative too long');
	const words = 'Eleven pairs met monthly; the committee should fund a second year.';
	await narrative.fill(words);
	await narrative.press('Tab');
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: 'Your account is saved.' })
	).toBeVisible();
	await expect(page.getByTestId('narrative')).toHaveText(words);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download the figures (CSV)' }).click();
	const csv = readFileSync(await (await download).path(), 'utf8');
	expect(csv.startsWith('\uFEFFSection,Measure,Group,Value\r\n')).toBe(true);
	expect(csv).toContain('Sessions and hours,Sessions held,All,2\r\n');
	expect(csv).toContain('Pairs,Pairs formed,Total,fewer than 5\r\n');
	expect(csv).toContain('"A mentee, Start",Having someone to ask made the difference.\r\n');

	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await openReport(page, app, schemeId);
		await expectNoViolations(page, `report (en, ${colorScheme})`);
		await page.getByRole('link', { name: 'One-year review' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'One-year review' })).toBeVisible();
		await expectNoViolations(page, `review report (en, ${colorScheme})`);
		await page.getByRole('button', { name: 'Cymraeg' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Adroddiad gwerthuso: Member mentoring pilot'
		);
		await expectNoViolations(page, `review report (cy, ${colorScheme})`);
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	}

	// Printed headless: every section and the narrative are in the PDF's text.
	await page.emulateMedia({ media: 'print', colorScheme: 'light' });
	await openReport(page, app, schemeId);
	const text = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
	for (const name of ['Pilot report', ...sections]) expect(text).toContain(name);
	expect(text).toContain(words);
	expect(text, text).toContain('Having someone to ask made the difference.');
	expect(text).not.toContain('Save the account');
	expect(text).not.toContain('Sign out');
	expect(text).toMatch(
		/Generated on .* from http:\/\/localhost:\d+\/coordinator\/schemes\/.*\/report\?report=pilot/
	);
});

test('only the scheme’s coordinators reach its report', async ({ page, app, browser }) => {
	const { schemeId } = await schemeWithPair(page, app);
	const other = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
	const stranger = await other.newPage();
	const { signUpCoordinator } = await import('./support/coordinator');
	await signUpCoordinator(stranger, app);
	for (const path of ['report', 'report?report=review', 'report.csv?report=pilot']) {
		const response = await stranger.goto(app.url(`/coordinator/schemes/${schemeId}/${path}`));
		expect(response?.status()).toBe(404);
	}
	await other.close();
});
