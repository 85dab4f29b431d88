import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MockPairServer } from '../support/mock-pair-server';
import { aLinkedPair, sharedRecordsOf, type TestDevice } from '../support/pair-devices';

const agendaTitles = async (d: TestDevice) =>
	(await d.repos.agenda.open(d.localPairId)).map((i) => i.title);

async function addAgendaItem(d: TestDevice, title: string) {
	const saved = await d.repos.agenda.save(randomUUID(), d.localPairId, d.role, { title });
	expect(saved.ok).toBe(true);
}

async function scheduleSession(d: TestDevice, id = randomUUID()) {
	const saved = await d.repos.sessions.schedule(id, d.localPairId, {
		date: '2026-11-20',
		time: '10:00',
		plannedMinutes: 60,
		mode: 'in_person',
		place: 'Committee room 2'
	});
	expect(saved.ok).toBe(true);
	return id;
}

describe('pair sync', () => {
	it('brings the agenda a mentee wrote offline to the mentor once both are online', async () => {
		const server = new MockPairServer();
		const { mentor, mentee } = await aLinkedPair(server);
		server.offline = true;
		await addAgendaItem(mentee, 'Chairing my first committee');
		await addAgendaItem(mentee, 'Casework backlog');
		await mentee.sync();
		expect((await mentee.channel())?.lastProblem).toEqual({ kind: 'offline' });
		expect(await mentor.repos.pairChannels.waitingCount((await mentor.channel())!.id)).toBe(0);

		server.offline = false;
		await mentee.sync();
		await mentor.sync();
		expect(await agendaTitles(mentor)).toEqual(['Chairing my first committee', 'Casework backlog']);
		expect((await mentee.channel())?.lastProblem).toBeNull();
		expect(await sharedRecordsOf(mentor)).toEqual(await sharedRecordsOf(mentee));
	});

	it('shares what was written before the pair was linked', async () => {
		const server = new MockPairServer();
		const pairId = randomUUID();
		const { mentor, mentee, key } = await aLinkedPair(server, pairId);
		// A goal the mentee set before linking, on a device that is then linked again under
		// the same key: nothing is queued twice, and the earlier goal still arrives.
		const goal = await mentee.repos.goals.save(randomUUID(), mentee.localPairId, {
			title: 'Chair planning committee',
			outcome: 'new_role',
			status: 'active',
			manualProgress: 10
		});
		expect(goal.ok).toBe(true);
		expect(await mentee.repos.pairChannels.link(pairId, mentee.localPairId, key)).toBe(
			'already-linked'
		);
		await mentee.sync();
		await mentor.sync();
		expect((await mentor.repos.goals.list(mentor.localPairId)).map((g) => g.title)).toEqual([
			'Chair planning committee'
		]);
	});

	it('merges two offline edits of one session field by field, the later write winning', async () => {
		const server = new MockPairServer();
		const { mentor, mentee } = await aLinkedPair(server);
		const sessionId = await scheduleSession(mentee);
		await mentee.sync();
		await mentor.sync();

		server.offline = true;
		const logged = await mentee.repos.sessions.log(
			sessionId,
			{ actualMinutes: 45, notes: 'Mentee notes' },
			[]
		);
		expect(logged.ok).toBe(true);
		await new Promise((r) => setTimeout(r, 5));
		const rescheduled = await mentor.repos.sessions.schedule(sessionId, mentor.localPairId, {
			date: '2026-11-20',
			time: '10:00',
			plannedMinutes: 60,
			mode: 'video',
			place: 'Teams link'
		});
		expect(rescheduled.ok).toBe(true);

		server.offline = false;
		for (const d of [mentee, mentor, mentee]) await d.sync();
		const mine = await mentee.repos.sessions.get(sessionId);
		const theirs = await mentor.repos.sessions.get(sessionId);
		expect(mine).toMatchObject({
			status: 'held',
			actualMinutes: 45,
			notes: 'Mentee notes',
			mode: 'video',
			place: 'Teams link'
		});
		expect({ ...theirs, pairId: '', updatedAt: '' }).toEqual({
			...mine,
			pairId: '',
			updatedAt: ''
		});
	});

	it('never sends the journal or the preparation notes, and never receives them', async () => {
		const server = new MockPairServer();
		const { mentor, mentee, key, pairId } = await aLinkedPair(server);
		await mentee.repos.journal.save(randomUUID(), {
			entryDate: '2026-11-20',
			body: 'CANARY-journal'
		});
		await mentor.repos.prepNotes.save(randomUUID(), mentor.localPairId, null, {
			body: 'CANARY-prep'
		});
		await addAgendaItem(mentee, 'Something to share');
		await mentee.sync();
		await mentor.sync();
		expect(await agendaTitles(mentor)).toEqual(['Something to share']);
		expect(await mentor.db.journal.count()).toBe(0);
		expect(await mentee.db.prepNotes.count()).toBe(0);
		const { openOperation } = await import('$lib/replica/crypto/pair-crypto');
		const { unpackMessage } = await import('$lib/replica/pair-message');
		for (const op of server.log) {
			const plaintext = await unpackMessage((await openOperation(key, pairId, op.id, op.body))!);
			expect(plaintext).toContain('agendaItems');
			expect(plaintext).not.toContain('CANARY');
			expect(op.body).not.toContain('Something');
		}
	});

	it('rejects an operation with a flipped bit, and applies nothing of it', async () => {
		const server = new MockPairServer();
		const { mentor, mentee, pairId } = await aLinkedPair(server);
		await addAgendaItem(mentee, 'Tampered with');
		await mentee.sync();
		server.flipByte(pairId);
		await mentor.sync();
		expect(await agendaTitles(mentor)).toEqual([]);
		expect((await mentor.channel())?.rejected).toBe(1);
		// The log moved on: the next, untouched change arrives as usual.
		await addAgendaItem(mentee, 'Arrives intact');
		await mentee.sync();
		await mentor.sync();
		expect(await agendaTitles(mentor)).toEqual(['Arrives intact']);
	});

	it('rejects an operation replayed into another pair, or under another id', async () => {
		const server = new MockPairServer();
		const first = await aLinkedPair(server);
		const second = await aLinkedPair(server);
		await addAgendaItem(first.mentee, 'Only for the first pair');
		await first.mentee.sync();
		server.replayInto(first.pairId, second.pairId);
		await second.mentor.sync();
		expect(await agendaTitles(second.mentor)).toEqual([]);
		expect((await second.mentor.channel())?.rejected).toBe(1);

		server.replayWithNewId(first.pairId, randomUUID());
		await first.mentor.sync();
		expect(await agendaTitles(first.mentor)).toEqual(['Only for the first pair']);
		expect((await first.mentor.channel())?.rejected).toBe(1);
	});

	it('says so when the pair was linked elsewhere under another key, and sends nothing', async () => {
		const server = new MockPairServer();
		const { mentor, pairId } = await aLinkedPair(server);
		await mentor.sync();
		const { aDevice } = await import('../support/pair-devices');
		const stranger = await aDevice(server, { role: 'mentee', participant: 'mentee-1' });
		const { newPairKey } = await import('$lib/replica/crypto/pair-crypto');
		await stranger.repos.pairChannels.link(pairId, stranger.localPairId, newPairKey());
		await addAgendaItem(stranger, 'Never leaves');
		await stranger.sync();
		expect((await stranger.channel())?.lastProblem).toEqual({ kind: 'key-mismatch' });
		expect(server.log).toHaveLength(0);
	});

	it('stops sharing when the pair ends, and keeps what was shared', async () => {
		const server = new MockPairServer();
		const { mentor, mentee, pairId } = await aLinkedPair(server);
		await addAgendaItem(mentee, 'Before the end');
		await mentee.sync();
		await mentor.sync();
		await server.end(mentor.credential, pairId);
		await addAgendaItem(mentee, 'After the end');
		await mentee.sync();
		expect(await mentee.channel()).toMatchObject({ state: 'ended' });
		expect(await mentee.repos.pairChannels.waitingCount(pairId)).toBe(0);
		await mentor.sync();
		expect(await mentor.channel()).toMatchObject({ state: 'ended' });
		expect(await agendaTitles(mentor)).toEqual(['Before the end']);
		expect(await agendaTitles(mentee)).toEqual(['Before the end', 'After the end']);
	});

	it('takes a pair ended before this device could register as ended, not as a failure', async () => {
		const server = new MockPairServer();
		const { mentee, pairId } = await aLinkedPair(server);
		await server.end(mentee.credential, pairId);
		await addAgendaItem(mentee, 'Never to be shared');
		await mentee.sync();
		expect(await mentee.channel()).toMatchObject({ state: 'ended', lastProblem: null });
		expect(await mentee.repos.pairChannels.waitingCount(pairId)).toBe(0);
		expect(server.log).toHaveLength(0);
	});

	it('shows who is linked and when they last synced', async () => {
		const server = new MockPairServer();
		const { mentor, mentee } = await aLinkedPair(server);
		await mentee.sync();
		await mentor.sync();
		const devices = (await mentor.channel())!.devices;
		expect(devices).toHaveLength(2);
		expect(devices.find((d) => !d.mine)).toMatchObject({ role: 'mentee', thisDevice: false });
		expect(devices.find((d) => !d.mine)?.lastSyncedAt).not.toBeNull();
	});

	it('converges through lost replies, duplicated pushes and outages, whatever the interleaving', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.record({
						who: fc.constantFrom('mentor', 'mentee'),
						what: fc.constantFrom('agenda', 'move', 'sync', 'sync', 'outage'),
						n: fc.nat(5)
					}),
					{ maxLength: 25 }
				),
				fc.integer({ min: 1, max: 2 ** 31 - 1 }),
				async (steps, seed) => {
					const server = new MockPairServer();
					let s = seed;
					server.random = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
					server.lostReplyRate = 0.3;
					server.duplicateRate = 0.3;
					server.pageSize = 3;
					const { mentor, mentee } = await aLinkedPair(server);
					for (const step of steps) {
						const d = step.who === 'mentor' ? mentor : mentee;
						if (step.what === 'agenda') await addAgendaItem(d, `item ${step.who} ${step.n}`);
						if (step.what === 'move') {
							const open = await d.repos.agenda.open(d.localPairId);
							const item = open[step.n % Math.max(1, open.length)];
							if (item) await d.repos.agenda.move(d.localPairId, item.id, step.n % 2 ? 1 : -1);
						}
						if (step.what === 'sync') await d.sync();
						if (step.what === 'outage') server.offline = !server.offline;
					}
					server.offline = false;
					server.lostReplyRate = 0;
					for (const d of [mentor, mentee, mentor, mentee]) await d.sync();
					expect(await sharedRecordsOf(mentor)).toEqual(await sharedRecordsOf(mentee));
					const ids = server.log.map((o) => `${o.pairId}/${o.id}`);
					expect(new Set(ids).size).toBe(ids.length);
				}
			),
			{ numRuns: 40 }
		);
	});
});
