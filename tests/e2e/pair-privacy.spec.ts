import { backUpNow, turnOnBackup } from './support/backup';
import { captureBodies, revealsCanary, type SentBody } from './support/canary';
import { schemeWithPair } from './support/coordinator';
import { addAgendaItem, expect, test, welcome, joinFromLink } from './support/fixtures';
import { fillEveryFreeTextField } from './support/free-text';
import { deviceData, linkByShortCode, syncPair, type Phone } from './support/pair-devices';
import { everyServerRow, queryServer } from './support/server-rows';

test('pair replication and backups carry ciphertext only: no canary in any request or server row', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(300_000);
	const invitations = await schemeWithPair(page, app);
	const bodies: SentBody[] = [];
	const phones: Record<'mentee' | 'mentor', Phone> = {} as never;
	for (const role of ['mentee', 'mentor'] as const) {
		const context = await browser.newContext();
		const sent = captureBodies(context);
		const phonePage = await context.newPage();
		phones[role] = { context, page: phonePage };
		await welcome(phonePage, app, {
			role,
			name: `CANARY-ME-${role}`,
			partner: `CANARY-${role}-partner`
		});
		await fillEveryFreeTextField(phonePage, app, `CANARY-${role}`, role);
		await joinFromLink(phonePage, invitations[role].link);
		context.on('close', () => bodies.push(...sent));
	}
	const { mentee, mentor } = phones;
	await linkByShortCode(mentor.page, mentee.page, app);
	const recoveryCodes = [
		await turnOnBackup(mentee.page, app, 'CANARY-passphrase of the mentee'),
		await turnOnBackup(mentor.page, app, 'CANARY-passphrase of the mentor')
	];
	for (const p of [mentee, mentor, mentee]) await syncPair(p.page, app);
	for (const p of [mentee, mentor]) await backUpNow(p.page, app);

	// Not vacuous: the mentee's shared words did reach the mentor's device, through the server.
	const onMentor = JSON.stringify(await deviceData(mentor.page));
	expect(onMentor).toContain('CANARY-mentee-agenda');
	expect(onMentor).toContain('CANARY-mentee-notes');
	expect(onMentor).toContain('CANARY-mentee-win');
	expect(onMentor).not.toContain('CANARY-mentee-journal');
	const pairKey = ((await deviceData(mentor.page)).pairChannels as { key: string }[])[0]!.key;
	await mentee.context.close();
	await mentor.context.close();

	const secrets = [
		'CANARY',
		pairKey,
		...recoveryCodes.flatMap((code) => [code, code.replace(/-/g, '')])
	];
	expect(bodies.some((b) => b.request.includes('/ops'))).toBe(true);
	expect(bodies.some((b) => b.request.includes('/backup/'))).toBe(true);
	for (const { request, body } of bodies) {
		for (const secret of secrets) expect(revealsCanary(body, secret), `${request}`).toBe(false);
	}
	const rows = await everyServerRow(app);
	expect(rows).toContain('pair_ops');
	for (const secret of secrets) expect(revealsCanary(rows, secret)).toBe(false);
	const stored = await queryServer<{ ops: number; backups: number }>(
		app,
		`select (select count(*)::int from pair_ops) as ops,
		        (select count(*)::int from backups where committed_at is not null) as backups`
	);
	expect(stored[0]!.ops).toBeGreaterThan(0);
	expect(stored[0]!.backups).toBeGreaterThanOrEqual(2);
});

test('an operation altered on the server is refused, and nothing of it applied', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(180_000);
	const invitations = await schemeWithPair(page, app);
	const devices: Phone[] = [];
	for (const role of ['mentee', 'mentor'] as const) {
		const context = await browser.newContext();
		const phonePage = await context.newPage();
		await welcome(phonePage, app, { role, name: role, partner: 'Partner' });
		await joinFromLink(phonePage, invitations[role].link);
		devices.push({ context, page: phonePage });
	}
	const [mentee, mentor] = devices as [Phone, Phone];
	await linkByShortCode(mentor.page, mentee.page, app);
	await syncPair(mentor.page, app);

	await addAgendaItem(mentee.page, app, 'Altered on the server');
	await syncPair(mentee.page, app);
	// Someone with the database flips one bit of the newest operation.
	await queryServer(
		app,
		`update pair_ops set body = set_byte(body, 20, get_byte(body, 20) # 1)
		 where seq = (select max(seq) from pair_ops)`
	);
	await app.start();
	await syncPair(mentor.page, app);
	await expect(mentor.page.getByTestId('pair-link-state')).toContainText(
		'could not be verified, and were ignored: 1'
	);
	await mentor.page.goto(app.url('/agenda'));
	await expect(mentor.page.getByText('Nothing on the agenda yet.')).toBeVisible();

	// The next change, untouched, arrives as usual.
	await addAgendaItem(mentee.page, app, 'Arrives intact');
	await syncPair(mentee.page, app);
	await syncPair(mentor.page, app);
	await mentor.page.goto(app.url('/agenda'));
	await expect(mentor.page.getByTestId('agenda-list')).toContainText('Arrives intact');
	await expect(mentor.page.getByTestId('agenda-list')).not.toContainText('Altered');
	for (const d of devices) await d.context.close();
});
