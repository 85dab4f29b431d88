import type { Browser } from '@playwright/test';
import type { AppServer } from './support/app-server';
import { expectNoViolations, openAllDetails, tabTo, tabToElement } from './support/axe';
import {
	createScheme,
	dashboardRow,
	inviteParticipant,
	signUpCoordinator
} from './support/coordinator';
import { expect, joinFromLink, test, waitForOfflineReady } from './support/fixtures';
import {
	aPenPicture,
	expectPublished,
	publishThroughApi,
	recordTraining,
	syncWithScheme,
	welcomeWaiting,
	writeNeeds,
	writePenPicture
} from './support/matching';

/** A new device for someone the coordinator invited, set up to wait for a match and joined. */
async function aWaitingPhone(
	browser: Browser,
	app: AppServer,
	person: { role: 'mentor' | 'mentee'; name: string },
	link: string
) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await welcomeWaiting(page, app, person);
	await joinFromLink(page, link);
	return { context, page };
}

const rhianPenPicture = {
	text: 'Twelve years on the council, four in cabinet; I have handled the press through two floods.',
	roles: ['Cabinet member or portfolio holder'],
	areas: ['Leadership', 'Media relations'],
	years: 12,
	capacity: 2
};
const dafyddPenPicture = {
	text: 'Elected in 2022; happy to help anyone find their feet.',
	roles: ['Ward member'],
	areas: ['Learning the ropes'],
	years: 4,
	capacity: 1
};

test('mentors and a mentee publish, the coordinator matches and adjusts, both accept, the pair appears', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(300_000);
	await signUpCoordinator(page, app);
	const schemeId = await createScheme(page, app, 'New members mentoring');
	const rhianCode = await inviteParticipant(page, app, schemeId, 'Rhian Mentor', 'mentor');
	const dafyddCode = await inviteParticipant(page, app, schemeId, 'Dafydd Mentor', 'mentor');
	const meganCode = await inviteParticipant(page, app, schemeId, 'Megan Mentee', 'mentee');

	// Each mentor writes a pen picture on their own device and publishes it.
	const rhian = await aWaitingPhone(
		browser,
		app,
		{ role: 'mentor', name: 'Rhian' },
		rhianCode.link
	);
	await writePenPicture(rhian.page, app, rhianPenPicture);
	await expectPublished(rhian.page);
	await expectNoViolations(rhian.page, 'pen picture, published');
	const dafydd = await aWaitingPhone(
		browser,
		app,
		{ role: 'mentor', name: 'Dafydd' },
		dafyddCode.link
	);
	await writePenPicture(dafydd.page, app, dafyddPenPicture);
	await expectPublished(dafydd.page);
	await dafydd.context.close();

	// The mentee, waiting for a mentor, has no pair screens yet: they say why.
	const megan = await aWaitingPhone(
		browser,
		app,
		{ role: 'mentee', name: 'Megan' },
		meganCode.link
	);
	await megan.page.goto(app.url('/agenda'));
	await expect(megan.page.getByRole('heading', { name: 'No mentoring pair yet' })).toBeVisible();
	await writeNeeds(megan.page, app, {
		summary: 'Speaking to the local paper without putting my foot in it.',
		areas: ['Media relations', 'Leadership']
	});
	await expectPublished(megan.page);
	await expectNoViolations(megan.page, 'needs, published');

	// The coordinator records training, then asks for the best fit for everyone unmatched.
	await recordTraining(page, app, schemeId, 'Rhian Mentor');
	await recordTraining(page, app, schemeId, 'Dafydd Mentor');
	await openAllDetails(page);
	await expectNoViolations(page, 'coordinator mentors');
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/matching`));
	await page.getByRole('radio', { name: /Best fit/ }).check();
	await page.getByRole('button', { name: 'Propose matches' }).click();
	const draft = page.getByTestId('draft-row').filter({ hasText: 'Megan Mentee' });
	await expect(draft).toContainText('Rhian Mentor');
	await expect(draft).toContainText('2 of 2');
	await expectNoViolations(page, 'coordinator matching, drafts');

	// Adjusting: swap to the other mentor (which locks it), and a re-run keeps the choice.
	const swap = page.getByLabel('Swap mentor, for Megan Mentee');
	const dafyddOption = swap.locator('option', { hasText: 'Dafydd Mentor' });
	await swap.selectOption((await dafyddOption.getAttribute('value'))!);
	await page.getByRole('button', { name: 'Swap mentor for Megan Mentee' }).click();
	await expect(draft).toContainText('Dafydd Mentor');
	await page.getByRole('button', { name: 'Propose matches' }).click();
	await expect(draft).toContainText('Dafydd Mentor');
	// Unlocked, the engine's best fit comes back; lock it and send.
	await draft.getByRole('button', { name: /Unlock/ }).click();
	await page.getByRole('button', { name: 'Propose matches' }).click();
	await expect(draft).toContainText('Rhian Mentor');
	await draft.getByRole('button', { name: /^Lock/ }).click();
	await page.getByRole('button', { name: /Send proposals/ }).click();
	await expect(page.getByTestId('waiting-row').filter({ hasText: 'Megan Mentee' })).toContainText(
		'Rhian Mentor'
	);

	// The mentee has the final say: she reads Rhian's pen picture and accepts.
	await syncWithScheme(megan.page, app);
	await megan.page.goto(app.url('/'));
	await expect(
		megan.page.getByRole('heading', { name: 'A mentor is proposed for you' })
	).toBeVisible();
	await megan.page.getByRole('link', { name: 'Read and answer' }).click();
	await expect(megan.page.getByText(rhianPenPicture.text)).toBeVisible();
	await expectNoViolations(megan.page, 'proposal, mentee');
	await megan.page.getByRole('button', { name: 'Accept' }).click();
	await expect(megan.page.getByText(/You accepted/)).toBeVisible();

	// Then the mentor is asked, with the mentee's needs to read.
	await syncWithScheme(rhian.page, app);
	await rhian.page.goto(app.url('/'));
	await expect(
		rhian.page.getByRole('heading', { name: 'Would you mentor Megan Mentee?' })
	).toBeVisible();
	await rhian.page.getByRole('link', { name: 'Read and answer' }).click();
	await expect(rhian.page.getByText('Speaking to the local paper')).toBeVisible();
	await rhian.page.getByRole('button', { name: 'Accept' }).click();
	await expect(rhian.page.getByText('You are now paired with Megan Mentee.')).toBeVisible();

	// The pair is on both devices and on the coordinator's dashboard.
	await rhian.page.goto(app.url('/pair'));
	await expect(
		rhian.page.getByRole('heading', { name: 'With Megan Mentee', exact: true })
	).toBeVisible();
	await syncWithScheme(megan.page, app);
	await megan.page.goto(app.url('/pair'));
	await expect(
		megan.page.getByRole('heading', { name: 'With Rhian Mentor', exact: true })
	).toBeVisible();
	await megan.page.goto(app.url('/agenda'));
	await expect(megan.page.getByLabel('Topic')).toBeVisible();
	const row = await dashboardRow(page, app, schemeId, 'Rhian Mentor');
	await expect(row).toContainText('Megan Mentee');
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/matching`));
	await expect(page.getByTestId('waiting-row')).toHaveCount(0);

	await rhian.context.close();
	await megan.context.close();
});

test('a pen picture written with no signal is published when the server is back', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(180_000);
	await signUpCoordinator(page, app);
	const schemeId = await createScheme(page, app, 'Officer mentoring');
	const code = await inviteParticipant(page, app, schemeId, 'Rhian Mentor', 'mentor');
	const rhian = await aWaitingPhone(browser, app, { role: 'mentor', name: 'Rhian' }, code.link);
	await waitForOfflineReady(rhian.page);

	// On the train: the server is unreachable, and the app loads from its service worker.
	await app.stop();
	await rhian.page.reload();
	await writePenPicture(rhian.page, app, rhianPenPicture);
	await expect(rhian.page.getByTestId('publication-state')).toContainText('Waiting to publish');
	await rhian.page.reload();
	await expect(rhian.page.getByLabel('Your pen picture')).toHaveValue(rhianPenPicture.text);

	await app.start();
	await syncWithScheme(rhian.page, app);
	await rhian.page.goto(app.url('/pen-picture'));
	await expectPublished(rhian.page);
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/mentors`));
	await expect(page.getByTestId('mentor-row').filter({ hasText: 'Rhian Mentor' })).toContainText(
		'Twelve years on the council'
	);

	// Withdrawn, it is gone from the server.
	await rhian.page.getByRole('button', { name: 'Withdraw' }).click();
	await rhian.page.getByRole('button', { name: 'Yes, withdraw it' }).click();
	await expect(rhian.page.getByTestId('publication-state')).toContainText('Not published', {
		timeout: 15_000
	});
	await page.reload();
	await expect(
		page.getByTestId('mentor-row').filter({ hasText: 'Rhian Mentor' })
	).not.toContainText('Twelve years on the council');
	await rhian.context.close();
});

test('a mentee ranks and publishes her needs with the keyboard alone', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(120_000);
	await signUpCoordinator(page, app);
	const schemeId = await createScheme(page, app, 'Keyboard scheme');
	const code = await inviteParticipant(page, app, schemeId, 'Megan Mentee', 'mentee');
	const megan = await aWaitingPhone(browser, app, { role: 'mentee', name: 'Megan' }, code.link);
	const phone = megan.page;
	await phone.goto(app.url('/needs'));
	await tabTo(phone, 'In a few sentences: what would you like help with?');
	await phone.keyboard.type('Chairing my first committee.');
	for (const area of ['Leadership', 'Media relations']) {
		await tabToElement(phone, phone.getByRole('checkbox', { name: area }));
		await phone.keyboard.press('Space');
	}
	// Media relations matters most: move it to the top without a mouse.
	await tabToElement(phone, phone.getByRole('button', { name: 'Move up: Media relations' }));
	await phone.keyboard.press('Enter');
	const order = phone
		.getByRole('list')
		.filter({ has: phone.getByRole('button', { name: /^Move/ }) });
	await expect(order.getByRole('listitem').first()).toContainText('Media relations');
	await tabToElement(phone, phone.getByRole('button', { name: 'Preview' }));
	await phone.keyboard.press('Enter');
	const preview = phone.getByRole('region', { name: 'As the scheme will see it' });
	await expect(preview).toContainText('Chairing my first committee.');
	await tabToElement(phone, phone.getByRole('button', { name: 'Publish' }));
	await phone.keyboard.press('Enter');
	await expectPublished(phone);
	await megan.context.close();
});

test('a mentee declines; she is back in the pool with her reason, and not offered him again', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(120_000);
	await signUpCoordinator(page, app);
	const schemeId = await createScheme(page, app, 'Decline scheme');
	const bethan = await inviteParticipant(page, app, schemeId, 'Bethan Mentor', 'mentor');
	const code = await inviteParticipant(page, app, schemeId, 'Megan Mentee', 'mentee');
	await publishThroughApi(app, bethan.code, { penPicture: aPenPicture });
	await recordTraining(page, app, schemeId, 'Bethan Mentor');
	const megan = await aWaitingPhone(browser, app, { role: 'mentee', name: 'Megan' }, code.link);
	await writeNeeds(megan.page, app, {
		summary: 'Finding my way around committees.',
		areas: ['Learning the ropes']
	});
	await expectPublished(megan.page);

	await page.goto(app.url(`/coordinator/schemes/${schemeId}/matching`));
	await page.getByRole('radio', { name: /Everyone gets a mentor/ }).check();
	await page.getByRole('button', { name: 'Propose matches' }).click();
	await expect(page.getByTestId('draft-row')).toContainText('Bethan Mentor');
	await page.getByRole('button', { name: /Send proposals/ }).click();

	await syncWithScheme(megan.page, app);
	await megan.page.goto(app.url('/'));
	await megan.page.getByRole('link', { name: 'Read and answer' }).click();
	await megan.page.getByRole('button', { name: 'Decline' }).click();
	await megan.page.getByRole('radio', { name: 'Not the right time' }).check();
	await expectNoViolations(megan.page, 'proposal, declining');
	await megan.page.getByRole('button', { name: 'Send decline' }).click();
	await expect(megan.page.getByText('You declined; the coordinator will look')).toBeVisible();
	await megan.page.goto(app.url('/'));
	await expect(megan.page.getByRole('link', { name: 'Read and answer' })).toHaveCount(0);

	await page.reload();
	const returned = page.getByTestId('returned-row').filter({ hasText: 'Megan Mentee' });
	await expect(returned).toContainText('Declined by the mentee: Not the right time');
	await openAllDetails(page);
	await expectNoViolations(page, 'coordinator matching, returned');
	// Proposing again does not offer her the mentor she declined.
	await page.getByRole('button', { name: 'Propose matches' }).click();
	await expect(page.getByTestId('draft-row')).toHaveCount(0);
	await megan.context.close();
});
