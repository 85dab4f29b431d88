import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dataTables, type TandemDb } from '$lib/local/db';
import { BackupSync } from '$lib/sync/backup-sync';
import { sharedWinKey, type SharedWin } from '$lib/local/rows/board-cache';
import { recordFits } from '$lib/replica/record-checks';
import { MockBackupServer } from '../support/mock-backup-server';
import { MockPairServer } from '../support/mock-pair-server';
import { aDevice, aLinkedPair } from '../support/pair-devices';
import { testRepositories } from '../support/test-db';

const passphrase = 'correct horse battery staple';
const credential = { deviceId: randomUUID(), deviceSecret: 's'.repeat(43) };

async function everything(db: TandemDb) {
	const all: Record<string, unknown[]> = {};
	for (const t of dataTables) all[t] = await db.table(t).toArray();
	return all;
}

/** A mentee's device with something in every table, and backups turned on. */
async function aBackedUpDevice(store: MockBackupServer) {
	const pairs = new MockPairServer();
	const { mentee } = await aLinkedPair(pairs);
	const { repos, localPairId } = mentee;
	await repos.journal.save(randomUUID(), {
		entryDate: '2026-11-20',
		body: 'What I learned at scrutiny'
	});
	await repos.agenda.save(randomUUID(), localPairId, 'mentee', { title: 'Casework' });
	const win = await repos.wins.save(randomUUID(), localPairId, {
		wonOn: '2026-11-21',
		text: 'Spoke at council'
	});
	if (!win.ok) throw new Error('win');
	const shared: SharedWin = {
		key: sharedWinKey(win.record.id),
		winId: win.record.id,
		postId: randomUUID(),
		sharedAt: '2026-11-21T10:00:00.000Z'
	};
	await mentee.db.boardMeta.put(shared);
	const goal = await repos.goals.save(randomUUID(), localPairId, {
		title: 'Chair a committee',
		outcome: 'new_role',
		status: 'active',
		manualProgress: 0
	});
	if (!goal.ok) throw new Error('goal');
	await repos.goals.addMilestone(goal.record.id, randomUUID(), { text: 'Shadow the chair' });
	await mentee.db.surveyAnswers.put({
		id: randomUUID(),
		pairId: randomUUID(),
		checkpoint: 'baseline',
		ratings: { confidence: 2, goalProgress: 1, relationship: null, meetingsUseful: null },
		again: null,
		outcomes: [],
		comment: 'Nervous before full council',
		shareComment: false,
		createdAt: '2026-11-20T09:00:00.000Z',
		answeredAt: '2026-11-20T09:00:00.000Z'
	});
	const backup = new BackupSync(repos.backup, store, recordFits);
	const setUp = await backup.setUp(credential, store.participant.id, passphrase);
	return { device: mentee, backup, setUp, pairs };
}

describe('encrypted backups', () => {
	it('are set up with a passphrase and a recovery code, and hold only ciphertext', async () => {
		const store = new MockBackupServer();
		const { setUp } = await aBackedUpDevice(store);
		expect(setUp).toMatchObject({ ok: true });
		const code = setUp.ok ? setUp.recoveryCode : null;
		expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z]{5}$/);
		expect(store.keys?.iterations).toBeGreaterThanOrEqual(600_000);
		const [stored] = [...store.backups.values()];
		expect(stored?.committed).not.toBeNull();
		const bytes = Buffer.concat([...stored!.parts.values()]);
		for (const clear of [
			'scrutiny',
			'Casework',
			'Spoke at council',
			'Shadow the chair',
			'Nervous before full council',
			passphrase
		]) {
			expect(bytes.includes(Buffer.from(clear))).toBe(false);
		}
		expect(JSON.stringify(store.keys)).not.toContain(code!);
	});

	it('restore every record on a new device with the passphrase', async () => {
		const store = new MockBackupServer();
		const { device } = await aBackedUpDevice(store);
		const fresh = testRepositories();
		const restore = new BackupSync(fresh.repos.backup, store, recordFits);
		const outcome = await restore.restore(credential, store.participant.id, { passphrase });
		expect(outcome).toMatchObject({ ok: true, backups: 1, unreadable: 0 });
		expect(await everything(fresh.db)).toEqual(await everything(device.db));
		expect(await fresh.db.surveyAnswers.toArray()).toEqual(await device.db.surveyAnswers.toArray());
		expect(await fresh.db.boardMeta.toArray()).toEqual(await device.db.boardMeta.toArray());
		// The pair key came back too: this device can rejoin the pair's channel by itself.
		const [channel] = await fresh.db.pairChannels.toArray();
		expect(channel).toMatchObject({
			key: (await device.channel())!.key,
			registered: false,
			cursor: 0
		});
		// And it carries on backing up under the same key.
		expect(await fresh.repos.backup.settings()).toMatchObject({
			participantId: store.participant.id
		});
	});

	it('restore with the recovery code alone, which also stands in for an invitation', async () => {
		const store = new MockBackupServer();
		const { device, setUp } = await aBackedUpDevice(store);
		const code = setUp.ok ? setUp.recoveryCode! : '';
		const { recoveryAuth } = await import('$lib/replica/crypto/backup-crypto');
		const joined = await store.recover(await recoveryAuth(code));
		expect(joined).toMatchObject({
			ok: true,
			value: { participant: { id: store.participant.id } }
		});
		// One character different (the code is random: it may already start with Z).
		const wrong = (code.startsWith('Z') ? 'Y' : 'Z') + code.slice(1);
		expect(await store.recover(await recoveryAuth(wrong))).toMatchObject({ ok: false });

		const fresh = testRepositories();
		const restore = new BackupSync(fresh.repos.backup, store, recordFits);
		const typed = code.toLowerCase().replace(/-/g, ' ');
		const { normaliseRecoveryCode } = await import('$lib/replica/crypto/backup-crypto');
		const outcome = await restore.restore(credential, store.participant.id, {
			recoveryCode: normaliseRecoveryCode(typed)!
		});
		expect(outcome).toMatchObject({ ok: true, backups: 1 });
		expect(await everything(fresh.db)).toEqual(await everything(device.db));
	});

	it('refuse a wrong passphrase or recovery code plainly, restoring nothing', async () => {
		const store = new MockBackupServer();
		await aBackedUpDevice(store);
		const fresh = testRepositories();
		const restore = new BackupSync(fresh.repos.backup, store, recordFits);
		expect(
			await restore.restore(credential, store.participant.id, { passphrase: 'not it at all' })
		).toEqual({
			ok: false,
			reason: 'wrong-passphrase'
		});
		expect(
			await restore.restore(credential, store.participant.id, {
				recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA'
			})
		).toEqual({ ok: false, reason: 'wrong-recovery-code' });
		expect(await fresh.db.journal.count()).toBe(0);
	});

	it('skip a backup that was tampered with, whether or not its hash was rewritten', async () => {
		for (const rehash of [false, true]) {
			const store = new MockBackupServer();
			await aBackedUpDevice(store);
			store.flipByte({ rehash });
			const fresh = testRepositories();
			const restore = new BackupSync(fresh.repos.backup, store, recordFits);
			const outcome = await restore.restore(credential, store.participant.id, { passphrase });
			expect(outcome).toMatchObject({ ok: true, backups: 0, unreadable: 1 });
			expect(await fresh.db.journal.count()).toBe(0);
		}
	});

	it('upload only when something changed, replacing the device’s previous backup', async () => {
		const store = new MockBackupServer();
		const { device, backup } = await aBackedUpDevice(store);
		const before = store.partsPut;
		await backup.backUp(credential, store.participant.id, {});
		expect(store.partsPut).toBe(before);
		await device.repos.journal.save(randomUUID(), {
			entryDate: '2026-11-22',
			body: 'Another entry'
		});
		const later = new BackupSync(
			device.repos.backup,
			store,
			recordFits,
			() => new Date(Date.now() + 3 * 60_000)
		);
		await later.backUp(credential, store.participant.id, {});
		expect(store.partsPut).toBe(before + 1);
		expect([...store.backups.values()].filter((b) => b.committed)).toHaveLength(1);
	});

	it('merge backups of two of the person’s devices without doubling their pair', async () => {
		const store = new MockBackupServer();
		const { device, pairs } = await aBackedUpDevice(store);
		// The same person's laptop, linked to the same pair, with its own journal.
		const laptop = await aDevice(pairs, { role: 'mentee', participant: 'mentee-1' });
		const channel = (await device.channel())!;
		await device.sync();
		await laptop.repos.pairChannels.link(channel.id, laptop.localPairId, channel.key);
		await laptop.db.schemePairs.put({
			id: channel.id,
			localPairId: laptop.localPairId,
			role: 'mentee',
			partnerName: 'Morgan',
			startsOn: '2026-05-01',
			endsOn: null,
			status: 'active'
		});
		await device.db.schemePairs.put({
			id: channel.id,
			localPairId: device.localPairId,
			role: 'mentee',
			partnerName: 'Morgan',
			startsOn: '2026-05-01',
			endsOn: null,
			status: 'active'
		});
		await laptop.sync();
		await laptop.repos.journal.save(randomUUID(), {
			entryDate: '2026-11-23',
			body: 'Written on the laptop'
		});
		const laptopCredential = { deviceId: randomUUID(), deviceSecret: 's'.repeat(43) };
		const phoneBackup = new BackupSync(device.repos.backup, store, recordFits);
		await phoneBackup.backUp(credential, store.participant.id, { now: true });
		const laptopBackup = new BackupSync(laptop.repos.backup, store, recordFits);
		expect(await laptopBackup.setUp(laptopCredential, store.participant.id, passphrase)).toEqual({
			ok: true,
			recoveryCode: null
		});

		const fresh = testRepositories();
		const outcome = await new BackupSync(fresh.repos.backup, store, recordFits).restore(
			credential,
			store.participant.id,
			{ passphrase }
		);
		expect(outcome).toMatchObject({ ok: true, backups: 2 });
		const restoredPairs = await fresh.repos.pairs.list();
		expect(restoredPairs).toHaveLength(1);
		const bodies = (await fresh.db.journal.toArray()).map((e) => e.body).sort();
		expect(bodies).toEqual(['What I learned at scrutiny', 'Written on the laptop']);
		expect((await fresh.repos.agenda.open(restoredPairs[0]!.id)).map((i) => i.title)).toEqual([
			'Casework'
		]);
	});

	it('never let a restore undo a later edit, and let the restored device rejoin its pair', async () => {
		const store = new MockBackupServer();
		const { device, pairs } = await aBackedUpDevice(store);
		await device.sync();
		const mentorDevice = await aDevice(pairs, { role: 'mentor', participant: 'mentor-1' });
		const channel = (await device.channel())!;
		await mentorDevice.repos.pairChannels.link(channel.id, mentorDevice.localPairId, channel.key);
		await mentorDevice.sync();
		// After the backup, the mentor renames the agenda item; the phone is then lost.
		const [item] = await mentorDevice.repos.agenda.open(mentorDevice.localPairId);
		await mentorDevice.repos.agenda.save(item!.id, mentorDevice.localPairId, 'mentor', {
			title: 'Casework, renamed later'
		});
		await mentorDevice.sync();

		const fresh = testRepositories();
		await new BackupSync(fresh.repos.backup, store, recordFits).restore(
			credential,
			store.participant.id,
			{
				passphrase
			}
		);
		const credentialForNew = pairs.addDevice(randomUUID(), 'mentee-1', 'mentee');
		const { PairSync } = await import('$lib/sync/pair-sync');
		await new PairSync(fresh.repos.pairChannels, pairs, recordFits).run(credentialForNew);
		const [restoredPair] = await fresh.repos.pairs.list();
		expect((await fresh.repos.agenda.open(restoredPair!.id)).map((i) => i.title)).toEqual([
			'Casework, renamed later'
		]);
		expect((await fresh.db.pairChannels.get(channel.id))?.registered).toBe(true);
	});
});
