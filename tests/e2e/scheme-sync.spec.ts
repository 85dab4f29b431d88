import type { Page } from '@playwright/test';
import type { AppServer } from './support/app-server';
import { captureBodies, revealsCanary, type SentBody } from './support/canary';
import { logWin, openShareWin, previewedPost } from './support/board';
import { dashboardRow, removeParticipant, schemeWithPair } from './support/coordinator';
import { answerBaseline } from './support/check-ins';
import { expect, joinFromLink, test, waitForOfflineReady, welcome } from './support/fixtures';
import { fillEveryFreeTextField } from './support/free-text';
import { expectPublished, writeNeeds, writePenPicture } from './support/matching';
import { everyServerRow, queryServer } from './support/server-rows';

const penPicture = {
	text: 'Published pen picture: twenty years as a ward member.',
	roles: ['Ward member'],
	areas: ['Learning the ropes'],
	years: 20,
	capacity: 1
};
const needs = { summary: 'Published needs: learning the ropes.', areas: ['Learning the ropes'] };
const sharedWin = 'Asked my first question at cabinet';

async function sendNowAndSettle(page: Page, app: AppServer) {
	await page.goto(app.url('/scheme'));
	await page.getByRole('button', { name: 'Send now' }).click();
	await expect(page.getByTestId('sync-state')).toContainText('Waiting to go to the scheme: 0');
}

test('the scheme receives progress from both devices and not one word of what they wrote', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(180_000);
	const { schemeId, mentor, mentee } = await schemeWithPair(page, app);

	const devices = [
		{ role: 'mentee' as const, invitation: mentee, name: 'CANARY-ME-mentee' },
		{ role: 'mentor' as const, invitation: mentor, name: 'CANARY-ME-mentor' }
	];
	const bodies: SentBody[] = [];
	let previewed: Record<string, unknown> = {};
	for (const device of devices) {
		const context = await browser.newContext();
		const sent = captureBodies(context);
		const phone = await context.newPage();
		const canary = `CANARY-${device.role}`;
		await welcome(phone, app, {
			role: device.role,
			name: device.name,
			partner: `${canary}-partner`
		});
		await fillEveryFreeTextField(phone, app, canary, device.role);
		await joinFromLink(phone, device.invitation.link);
		// A check-in's comment stays on the device when not shared; its ratings go.
		await answerBaseline(phone, app, {
			ratings: {
				[device.role === 'mentor'
					? 'How confident do you feel in your role as a mentor?'
					: 'How confident do you feel in your role?']: 3,
				'How much progress have you made towards your goals?': 2
			},
			comment: `${canary}-checkin`
		});
		// Publishing for matching sends what the person wrote for the scheme, and nothing else.
		if (device.role === 'mentor') await writePenPicture(phone, app, penPicture);
		else await writeNeeds(phone, app, needs);
		await expectPublished(phone);
		if (device.role === 'mentee') {
			// One win, and only that one, is shared to the board, exactly as previewed.
			await logWin(phone, app, sharedWin);
			const preview = await openShareWin(phone, app, sharedWin, { named: false });
			previewed = await previewedPost(preview);
			await phone.getByRole('button', { name: 'Share', exact: true }).click();
			await expect(phone.getByTestId('win-shared')).toContainText('Shared to the board');
		}
		await sendNowAndSettle(phone, app);
		await expect(phone.getByTestId('scheme-sent-payload')).toBeAttached();
		// The device's own pair was linked, not duplicated.
		await phone.goto(app.url('/pair'));
		await expect(phone.getByText(`${canary}-partner`).first()).toBeVisible();
		bodies.push(...sent);
		await context.close();
	}

	const row = await dashboardRow(page, app, schemeId, 'Morgan Mentor');
	await expect(row).toContainText('Megan Mentee');
	// Both logged a 50-minute session today: the scheme counts one.
	await expect(row.getByRole('cell').nth(2)).toHaveText('1');
	await expect(row.getByRole('cell').nth(3)).toHaveText('50');

	expect(bodies.some((b) => b.request.includes('/api/v1/metrics'))).toBe(true);
	for (const { request, body } of bodies)
		expect(revealsCanary(body, 'CANARY'), request).toBe(false);
	const rows = await everyServerRow(app);
	expect(rows).toContain('Megan Mentee');
	expect(rows).toContain(penPicture.text);
	expect(rows).toContain(needs.summary);
	expect(revealsCanary(rows, 'CANARY')).toBe(false);
	// Both baseline check-ins arrived, their ratings without the comments.
	const checkIns = await queryServer<{ role: string; comment: string | null }>(
		app,
		`select role, comment from survey_responses where scheme_id = '${schemeId}' order by role`
	);
	expect(checkIns).toEqual([
		{ role: 'mentee', comment: null },
		{ role: 'mentor', comment: null }
	]);
	// The board holds the shared win as the preview showed it, and none of the canary's.
	const [post] = await queryServer<Record<string, unknown>>(
		app,
		`select id, kind, text, won_on::text as "wonOn", show_name as "showName",
		        to_char(posted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "postedAt"
		   from board_posts where scheme_id = '${schemeId}'`
	);
	expect(previewed).toMatchObject({ kind: 'win', text: sharedWin, showName: false });
	expect(post).toEqual(previewed);
});

test('a device removed by the coordinator stops syncing and says so', async ({
	page,
	app,
	browser
}) => {
	const { schemeId, mentee } = await schemeWithPair(page, app);
	const context = await browser.newContext();
	const phone = await context.newPage();
	await welcome(phone, app, { role: 'mentee', name: 'Megan', partner: 'Morgan' });
	await joinFromLink(phone, mentee.link);

	await removeParticipant(page, app, schemeId, 'Megan Mentee');
	// Opening the app syncs, and learns of the removal.
	await phone.goto(app.url('/scheme'));
	await expect(phone.getByText(/This device has been removed from the scheme/)).toBeVisible();
	await expect(phone.getByRole('button', { name: 'Send now' })).toHaveCount(0);
	await phone.goto(app.url('/wins'));
	await expect(phone.getByLabel('Your win')).toBeVisible();
	await context.close();
});

test('with uploads failing, duplicated and the server restarted, every metric counts once', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(180_000);
	const { schemeId, mentee } = await schemeWithPair(page, app);
	const context = await browser.newContext();
	const phone = await context.newPage();
	await welcome(phone, app, { role: 'mentee', name: 'Megan', partner: 'Morgan' });
	await joinFromLink(phone, mentee.link);
	// The server is stopped half-way: the app must be able to load without it by then.
	await waitForOfflineReady(phone);

	// A seeded generator, so a failure can be replayed.
	let seed = 20261123;
	const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
	const faults = { failed: 0, duplicated: 0 };
	await context.route('**/api/v1/metrics', async (route) => {
		const roll = random();
		if (roll < 0.3) {
			faults.failed++;
			return route.abort('connectionreset');
		}
		if (roll < 0.6) {
			faults.duplicated++;
			const first = await route.fetch();
			await route.fetch();
			return route.fulfill({ response: first });
		}
		return route.continue();
	});

	const logWin = async (text: string) => {
		await phone.goto(app.url('/wins'));
		await phone.getByLabel('Your win').fill(text);
		await phone.getByRole('button', { name: 'Save win' }).click();
		await expect(phone.getByText(text, { exact: true })).toBeVisible();
	};
	const sendNow = async () => {
		await phone.goto(app.url('/scheme'));
		await phone.getByRole('button', { name: 'Send now' }).click();
		await expect(phone.getByRole('button', { name: 'Send now' })).toBeEnabled();
	};

	for (let i = 1; i <= 8; i++) {
		await logWin(`Win number ${i}`);
		await sendNow();
		if (i === 4) {
			await app.stop();
			await logWin('Win while the server is down');
			await sendNow();
			await app.start();
		}
	}
	await context.unrouteAll({ behavior: 'wait' });
	await expect(async () => {
		await sendNow();
		await expect(phone.getByTestId('sync-state')).toContainText('Waiting to go to the scheme: 0', {
			timeout: 1_000
		});
	}).toPass({ timeout: 60_000 });
	expect(faults.failed).toBeGreaterThan(0);
	expect(faults.duplicated).toBeGreaterThan(0);

	const row = await dashboardRow(page, app, schemeId, 'Morgan Mentor');
	await expect(row.getByRole('cell').nth(7)).toHaveText('9');
	// The worker's server is shared by earlier tests: count this scheme's pair only.
	const pairOf = `(select id from pairs where scheme_id = '${schemeId}')`;
	const wins = await queryServer<{ wins: number; reports: number }>(
		app,
		`select (select coalesce(sum((w->>'wins')::int), 0)::int
		           from pair_reports, jsonb_array_elements(wins_by_week) w
		           where pair_id in ${pairOf}) as wins,
		        (select count(*)::int from pair_reports where pair_id in ${pairOf}) as reports`
	);
	expect(wins[0]!.wins).toBe(9);
	// However many uploads and retries reached it, the server holds one report per member.
	expect(wins[0]!.reports).toBe(1);
	await context.close();
});
