import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MockPairServer } from '../support/mock-pair-server';
import { aLinkedPair } from '../support/pair-devices';

describe('pair sync at the server’s limit on a pair’s log', () => {
	it('keeps the changes, still receives, and tries again only when the server said', async () => {
		const server = new MockPairServer();
		const { mentor, mentee } = await aLinkedPair(server);
		await mentor.repos.agenda.save(randomUUID(), mentor.localPairId, 'mentor', { title: 'Budget' });
		await mentor.sync();
		const retryAt = new Date(Date.now() + 3_600_000).toISOString();
		server.logFull = { kind: 'limit', limit: 'pair-log-operations', max: 50_000, retryAt };
		await mentee.repos.agenda.save(randomUUID(), mentee.localPairId, 'mentee', {
			title: 'Casework'
		});
		await mentee.sync();
		const channel = (await mentee.channel())!;
		expect(channel.lastProblem).toEqual(server.logFull);
		expect(await mentee.repos.pairChannels.waitingCount(channel.id)).toBe(1);
		const titles = (await mentee.repos.agenda.open(mentee.localPairId)).map((i) => i.title);
		expect(titles).toContain('Budget');
		// Until the time the server gave, a round does not push again.
		server.logFull = null;
		await mentee.sync();
		expect(await mentee.repos.pairChannels.waitingCount(channel.id)).toBe(1);
		expect((await mentee.channel())!.lastProblem).toMatchObject({ kind: 'limit' });
	});
});
