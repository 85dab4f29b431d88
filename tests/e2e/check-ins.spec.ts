import { expectNoViolations, tabToElement } from './support/axe';
import { captureBodies, revealsCanary } from './support/canary';
import { answerBaseline, fillCheckIn } from './support/check-ins';
import {
	createPair,
	createScheme,
	inviteParticipant,
	schemeWithPair,
	signUpCoordinator
} from './support/coordinator';
import { joinThroughApi } from './support/device-api';
import { expect, joinFromLink, test, waitForOfflineReady, welcome } from './support/fixtures';
import { syncWithScheme } from './support/matching';
import { aJoinedPhone, megan, morgan } from './support/pair-devices';
import { everyServerRow, queryServer } from './support/server-rows';

const confidence = 'How confident do you feel in your role?';
const goals = 'How much progress have you made towards your goals?';

const responsesOf = (schemeId: string) =>
	`select * from survey_responses where scheme_id = '${schemeId}'`;

interface Response {
	confidence: number;
	goal_progress: number;
	relationship: number | null;
	comment: string | null;
	role: string;
	checkpoint: string;
}

test('a mentee answers the baseline check-in: the numbers go, her comment stays until she shares it', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(120_000);
	const { schemeId, mentee } = await schemeWithPair(page, app);
	const context = await browser.newContext();
	const sent = captureBodies(context);
	const p = await context.newPage();
	await welcome(p, app, megan);
	await joinFromLink(p, mentee.link);

	// The pair starts today, so its first check-in is open on her phone.
	await p.goto(app.url('/'));
	await expect(p.getByRole('heading', { name: 'Check-in: Start of the mentoring' })).toBeVisible();
	await p.getByRole('link', { name: 'Answer the check-in' }).click();
	await expectNoViolations(p, 'check-in form');
	// Sending with a question unanswered names it.
	await fillCheckIn(p, { ratings: { [confidence]: 2 }, comment: 'CANARY-checkin' });
	await p.getByRole('button', { name: 'Check what will be sent' }).click();
	await expect(p.getByRole('group', { name: goals })).toContainText('Choose an answer.');
	await fillCheckIn(p, { ratings: { [goals]: 1 }, comment: 'CANARY-checkin' });
	await p.getByRole('button', { name: 'Check what will be sent' }).click();
	const preview = p.getByTestId('checkin-preview');
	await expect(preview).toContainText(confidence);
	await expect(p.getByText('Your comment stays on this device.')).toBeVisible();
	await expectNoViolations(p, 'check-in preview');
	await p.getByRole('button', { name: 'Send' }).click();
	await expect(p.getByRole('status').filter({ hasText: 'Thank you' })).toBeVisible();
	await syncWithScheme(p, app);
	await expect(p.getByTestId('checkin-row')).toContainText('Answered on');
	await expect(p.getByTestId('checkin-row')).not.toContainText('Waiting to send');

	let [row] = await queryServer<Response>(app, responsesOf(schemeId));
	expect(row).toMatchObject({
		role: 'mentee',
		checkpoint: 'baseline',
		confidence: 2,
		goal_progress: 1,
		relationship: null,
		comment: null
	});
	expect(revealsCanary(await everyServerRow(app), 'CANARY')).toBe(false);
	await app.start();

	// She changes her answers and shares a different comment: it goes exactly as previewed.
	await p.getByRole('link', { name: 'Change your answers' }).click();
	await fillCheckIn(p, {
		ratings: { [confidence]: 3 },
		comment: '  The induction evening helped.  ',
		share: true
	});
	await expect(p.getByTestId('checkin-comment-preview')).toContainText(
		'The induction evening helped.'
	);
	await p.getByRole('button', { name: 'Check what will be sent' }).click();
	await expect(p.getByText('Your comment, shared with the coordinator:')).toBeVisible();
	await p.getByRole('button', { name: 'Send' }).click();
	await expect(p.getByRole('status').filter({ hasText: 'Thank you' })).toBeVisible();
	await syncWithScheme(p, app);
	await expect(p.getByTestId('checkin-row')).not.toContainText('Waiting to send');
	[row] = await queryServer<Response>(app, responsesOf(schemeId));
	expect(row).toMatchObject({ confidence: 3, comment: 'The induction evening helped.' });
	for (const { request, body } of sent) expect(revealsCanary(body, 'CANARY'), request).toBe(false);
	await context.close();
});

test('a check-in answered with no signal reaches the scheme when the server is back', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(120_000);
	const { schemeId, mentee } = await schemeWithPair(page, app);
	const phone = await aJoinedPhone(browser, app, megan, mentee.link);
	await waitForOfflineReady(phone.page);
	await app.stop();
	await phone.page.reload();
	await answerBaseline(phone.page, app, {
		ratings: { [confidence]: 4, [goals]: 2 },
		comment: 'Written on the bus'
	});
	await phone.page.goto(app.url('/scheme'));
	await expect(phone.page.getByTestId('checkin-row')).toContainText('Waiting to send');
	await app.start();
	await syncWithScheme(phone.page, app);
	await expect(phone.page.getByTestId('checkin-row')).not.toContainText('Waiting to send');
	const rows = await queryServer<Response>(app, responsesOf(schemeId));
	expect(rows).toMatchObject([{ confidence: 4, goal_progress: 2, comment: null }]);
	await phone.context.close();
});

test('the coordinator sets when the check-ins fall due and what they ask', async ({
	page,
	app
}) => {
	await signUpCoordinator(page, app);
	const schemeId = await createScheme(page, app, 'Check-in settings');
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/settings`));
	const midpoint = page.getByRole('group', { name: 'Half way' });
	await midpoint.getByLabel('Months after the pair starts').fill('0');
	await page.getByRole('button', { name: 'Save the check-ins' }).click();
	await expect(midpoint).toContainText('Enter a whole number in the allowed range.');
	await expect(midpoint.getByLabel('Months after the pair starts')).toHaveValue('0');
	await expectNoViolations(page, 'settings with a check-in problem');
	await midpoint.getByLabel('Months after the pair starts').fill('2');
	await midpoint.getByLabel('Usefulness of meetings').uncheck();
	await page.getByRole('button', { name: 'Save the check-ins' }).click();
	await expect(page.getByRole('status')).toContainText('Check-ins saved.');
	await expect(midpoint.getByLabel('Months after the pair starts')).toHaveValue('2');
	await expect(midpoint.getByLabel('Usefulness of meetings')).not.toBeChecked();
	await expect(midpoint.getByLabel('Quality of the relationship')).toBeChecked();
});

test('check-ins and support pass axe in Welsh, light and dark', async ({ page, app, browser }) => {
	test.setTimeout(180_000);
	const { mentee, mentor } = await schemeWithPair(page, app);
	const phone = await aJoinedPhone(browser, app, megan, mentee.link);
	const laptop = await aJoinedPhone(browser, app, morgan, mentor.link);
	await laptop.page.goto(app.url('/support'));
	await laptop.page.getByRole('button', { name: 'Ask the coordinator' }).click();
	await expect(laptop.page.getByTestId('support-request')).toBeVisible();
	for (const colorScheme of ['light', 'dark'] as const) {
		for (const language of ['en', 'cy']) {
			const scan = async ({ page: p }: { page: typeof page }, path: string, screen: string) => {
				await p.emulateMedia({ colorScheme });
				await p.evaluate((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), language);
				await p.goto(app.url(path));
				await expect(p.locator('html')).toHaveAttribute('lang', language);
				await expect(p.locator('h1')).toBeVisible();
				await expectNoViolations(p, `${screen} (${language}, ${colorScheme})`);
			};
			await scan(phone, '/', 'Today with a check-in');
			await scan(phone, '/scheme', 'scheme with check-ins');
			await phone.page.locator('[data-testid=checkin-row] a').click();
			await phone.page.locator('form button[type=submit]').click();
			await expectNoViolations(phone.page, `check-in with problems (${language}, ${colorScheme})`);
			await scan(laptop, '/support', 'support with a request');
		}
	}
	await phone.context.close();
	await laptop.context.close();
});

test('a check-in answered on the device appears in the evaluation report', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(180_000);
	const { schemeId, mentee } = await schemeWithPair(page, app);
	// Four more mentees of Morgan's answer through the device API, so the five answers together
	// are a group large enough to show; without Megan's, four would be hidden.
	for (const name of ['Aled', 'Bethan', 'Carys', 'Dylan']) {
		const invitation = await inviteParticipant(page, app, schemeId, name, 'mentee');
		await createPair(page, app, schemeId, 'Morgan Mentor', name);
		const authorization = await joinThroughApi(app, invitation.code);
		const me = await fetch(app.url('/api/v1/participation'), { headers: { authorization } });
		const { pairs } = (await me.json()) as { pairs: { id: string }[] };
		const sent = await fetch(app.url('/api/v1/surveys/answers'), {
			method: 'POST',
			headers: { authorization, 'content-type': 'application/json' },
			body: JSON.stringify({
				id: crypto.randomUUID(),
				pair: pairs[0]!.id,
				checkpoint: 'baseline',
				answeredAt: new Date().toISOString(),
				ratings: { confidence: 4, goalProgress: 3, relationship: null, meetingsUseful: null },
				again: null,
				outcomes: [],
				comment: null
			})
		});
		expect(await sent.json()).toEqual({ outcome: 'saved' });
	}
	const report = app.url(`/coordinator/schemes/${schemeId}/report`);
	await page.goto(report);
	await expect(page.getByTestId('checkin-mentee-baseline-confidence-answers')).toHaveText(
		'fewer than 5'
	);

	const phone = await aJoinedPhone(browser, app, megan, mentee.link);
	await answerBaseline(phone.page, app, {
		ratings: { [confidence]: 2, [goals]: 1 },
		comment: 'Between me and my phone'
	});
	await syncWithScheme(phone.page, app);

	await page.goto(report);
	await expect(page.getByTestId('checkin-mentee-baseline-confidence-answers')).toHaveText('5');
	// (4 × 4 + 2) / 5 and (4 × 3 + 1) / 5
	await expect(page.getByTestId('checkin-mentee-baseline-confidence-mean')).toHaveText('3.60');
	await expect(page.getByTestId('checkin-mentee-baseline-goalProgress-mean')).toHaveText('2.60');
	await expect(page.getByRole('main')).not.toContainText('Between me and my phone');
	await phone.context.close();
});

test('a check-in can be answered with the keyboard alone', async ({ page, app, browser }) => {
	test.setTimeout(120_000);
	const { mentee } = await schemeWithPair(page, app);
	const phone = await aJoinedPhone(browser, app, megan, mentee.link);
	const p = phone.page;
	await p.goto(app.url('/'));
	await tabToElement(p, p.getByRole('link', { name: 'Answer the check-in' }));
	await p.keyboard.press('Enter');
	await expect(p.getByRole('heading', { name: 'Check-in: Start of the mentoring' })).toBeVisible();
	for (const question of [confidence, goals]) {
		const group = p.getByRole('group', { name: question });
		// Tab lands on the group's first choice; the arrow keys move along the scale.
		await tabToElement(p, group.getByRole('radio').first());
		await p.keyboard.press('ArrowRight');
		await p.keyboard.press('ArrowRight');
		await expect(group.getByLabel('3', { exact: true })).toBeChecked();
	}
	await tabToElement(p, p.getByRole('button', { name: 'Check what will be sent' }));
	await p.keyboard.press('Enter');
	await expect(p.getByTestId('checkin-preview')).toContainText(`${confidence} 3`);
	await expect(p.getByRole('heading', { name: 'Check-in: Start of the mentoring' })).toBeFocused();
	await tabToElement(p, p.getByRole('button', { name: 'Send' }));
	await p.keyboard.press('Enter');
	await expect(p.getByRole('status').filter({ hasText: 'Thank you' })).toBeVisible();
	await phone.context.close();
});
