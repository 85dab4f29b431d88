import { describe, expect, it } from 'vitest';
import { joinedDevice } from '../support/joined-device';

describe('requests for support on the device', () => {
	it('are kept and queued offline, cancelled before they went without reaching the scheme', async () => {
		const { repos, server, sync, clock } = await joinedDevice('mentor');
		server.offline = true;
		const kept = await (await repos.support()).ask('support', 'this-week');
		clock.advance(60_000);
		const dropped = await (await repos.support()).ask('supervision', 'urgent');
		await (await repos.support()).cancel(dropped.id);
		expect(await (await repos.support()).requests()).toMatchObject([
			{ id: dropped.id, status: 'cancelled', waiting: true },
			{ id: kept.id, status: 'open', waiting: true }
		]);
		server.offline = false;
		await sync.run();
		expect([...server.supportRequests.keys()]).toEqual([kept.id]);
		// The next round brings back the scheme's view: the cancelled one it never heard of is gone.
		await sync.run();
		expect(await (await repos.support()).requests()).toMatchObject([
			{ id: kept.id, status: 'open', waiting: false }
		]);
	});

	it('show the coordinator’s reply once the scheme has one', async () => {
		const { repos, server, sync } = await joinedDevice('mentor');
		const request = await (await repos.support()).ask('supervision', 'when-convenient');
		await sync.run();
		server.supportRequests.set(request.id, {
			...server.supportRequests.get(request.id)!,
			status: 'answered',
			reply: 'I will ring you on Tuesday.',
			answeredAt: '2026-05-11T09:00:00.000Z'
		});
		await sync.run();
		expect(await (await repos.support()).requests()).toMatchObject([
			{ status: 'answered', reply: 'I will ring you on Tuesday.', waiting: false }
		]);
	});

	it('keeps a cancellation waiting to go over the scheme’s older view', async () => {
		const { repos, server, sync } = await joinedDevice('mentor');
		const request = await (await repos.support()).ask('support', 'urgent');
		await sync.run();
		server.lostReplyRate = 1;
		await (await repos.support()).cancel(request.id);
		await sync.run();
		expect(await (await repos.support()).requests()).toMatchObject([
			{ status: 'cancelled', waiting: true }
		]);
	});
});
