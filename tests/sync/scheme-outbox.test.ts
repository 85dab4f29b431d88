import { describe, expect, it } from 'vitest';
import { SchemeSync } from '$lib/sync/scheme-sync';
import type { OutboxItem } from '$lib/local/outbox/outbox-item';
import { MockSchemeServer } from '../support/mock-scheme-server';
import { testRepositories } from '../support/test-db';

const pair = '3e0f4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b';
const postId = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const requestId = '8e9f0a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b';

async function joinedDevice() {
	const device = testRepositories();
	const server = new MockSchemeServer();
	const sync = new SchemeSync(device.repos.scheme, device.repos.publications, server, device.clock);
	await sync.join('GOOD-CODE');
	server.calls.length = 0;
	return { ...device, server, sync };
}

const survey = (confidence: number): OutboxItem => ({
	kind: 'survey',
	payload: {
		id: '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f',
		pair,
		checkpoint: 'baseline',
		answeredAt: `2026-11-23T10:0${confidence}:00.000Z`,
		ratings: { confidence, goalProgress: 2, relationship: null, meetingsUseful: null },
		again: null,
		outcomes: [],
		comment: null
	}
});

const reaction = (on: boolean): OutboxItem => ({
	kind: 'board-reaction',
	payload: { postId, reaction: 'applause', on }
});

describe('the outbox to the scheme', () => {
	it('carries every kind of item, each sent once and kept as the last sent on its topic', async () => {
		const { repos, server, sync } = await joinedDevice();
		await repos.scheme.queue(survey(3));
		await repos.scheme.queue({
			kind: 'board-post',
			payload: {
				kind: 'thought',
				id: postId,
				text: 'Small steps count.',
				showName: true,
				postedAt: '2026-11-23T10:00:00.000Z'
			}
		});
		await repos.scheme.queue({
			kind: 'support-request',
			payload: {
				id: requestId,
				kind: 'supervision',
				urgency: 'this-week',
				requestedAt: '2026-11-23T10:00:00.000Z'
			}
		});
		await sync.run();
		expect(server.calls.sort()).toEqual([
			'board-post',
			'participation',
			'support-request',
			'survey'
		]);
		expect(server.surveyAnswers.get(`${pair}/baseline`)?.ratings.confidence).toBe(3);
		expect(server.boardPosts.has(postId)).toBe(true);
		expect(server.supportRequests.get(requestId)).toMatchObject({ status: 'open' });
		expect(await repos.scheme.pending()).toEqual([]);
		expect((await repos.scheme.outbox()).map((e) => [e.kind, e.state])).toEqual(
			expect.arrayContaining([
				['survey', 'sent'],
				['board-post', 'sent'],
				['support-request', 'sent']
			])
		);
		// Nothing new to say: another round sends nothing.
		server.calls.length = 0;
		await sync.run();
		expect(server.calls).toEqual(['participation']);
	});

	it('lets a newer item replace one still waiting on the same topic', async () => {
		const { repos, server, sync } = await joinedDevice();
		server.offline = true;
		await repos.scheme.queue(survey(2));
		await repos.scheme.queue(survey(4));
		await repos.scheme.queue({ kind: 'board-post', payload: aWin() });
		await repos.scheme.queue({ kind: 'board-withdrawal', payload: { postId } });
		expect((await repos.scheme.pending()).map((e) => e.kind).sort()).toEqual([
			'board-withdrawal',
			'survey'
		]);
		server.offline = false;
		await sync.run();
		expect(server.surveyAnswers.get(`${pair}/baseline`)?.ratings.confidence).toBe(4);
		expect(server.boardPosts.size).toBe(0);
		expect(server.calls.filter((c) => c === 'survey')).toHaveLength(1);
	});

	it('sends nothing for a reaction tapped on and off again before it went', async () => {
		const { repos, server, sync } = await joinedDevice();
		await repos.scheme.queue(reaction(true));
		await sync.run();
		expect(server.boardReactions.has(`${postId}/applause`)).toBe(true);
		await repos.scheme.queue(reaction(false));
		await repos.scheme.queue(reaction(true));
		expect(await repos.scheme.pending()).toEqual([]);
		await repos.scheme.queue(reaction(false));
		await sync.run();
		expect(server.boardReactions.has(`${postId}/applause`)).toBe(false);
	});

	it('keeps items through an outage, then sends them in the order they were queued', async () => {
		const { repos, server, sync, clock } = await joinedDevice();
		server.offline = true;
		await repos.scheme.queue(survey(3));
		clock.advance(1_000);
		await repos.scheme.queue(reaction(true));
		await sync.run();
		expect(await repos.scheme.pending()).toHaveLength(2);
		server.offline = false;
		await sync.run();
		expect(server.calls.slice(-2)).toEqual(['survey', 'board-reaction']);
		expect(await repos.scheme.pending()).toEqual([]);
	});

	it('stops retrying an item the scheme refused, until a new one replaces it', async () => {
		const { repos, server, sync } = await joinedDevice();
		server.rejectField = 'ratings.confidence';
		await repos.scheme.queue(survey(3));
		await sync.run();
		const [refused] = await repos.scheme.pending();
		expect(refused).toMatchObject({
			nextAttemptAt: Number.POSITIVE_INFINITY,
			lastProblem: { kind: 'rejected', field: 'ratings.confidence' }
		});
		server.rejectField = null;
		await repos.scheme.queue(survey(4));
		await sync.run();
		expect(server.surveyAnswers.get(`${pair}/baseline`)?.ratings.confidence).toBe(4);
	});

	it('waits at a limit as long as the scheme said, then sends it', async () => {
		const { repos, server, sync, clock } = await joinedDevice();
		const retryAt = new Date(clock().getTime() + 3_600_000).toISOString();
		server.limit = { kind: 'limit', limit: 'check-in-answers-per-day', max: 100, retryAt };
		await repos.scheme.queue(survey(3));
		await sync.run();
		const [waiting] = await repos.scheme.pending();
		expect(waiting).toMatchObject({
			nextAttemptAt: Date.parse(retryAt),
			lastProblem: server.limit
		});
		server.limit = null;
		server.calls.length = 0;
		clock.advance(60_000);
		await sync.run();
		expect(server.calls).not.toContain('survey');
		clock.advance(3_600_000);
		await sync.run();
		expect(server.calls).toContain('survey');
		expect(await repos.scheme.pending()).toEqual([]);
	});

	it('holds an item at a limit that waiting cannot lift, until a new one replaces it', async () => {
		const { repos, server, sync } = await joinedDevice();
		server.limit = { kind: 'limit', limit: 'board-posts', max: 200, retryAt: null };
		await repos.scheme.queue(reaction(true));
		await sync.run();
		const [held] = await repos.scheme.pending();
		expect(held?.nextAttemptAt).toBe(Number.POSITIVE_INFINITY);
	});
});

function aWin() {
	return {
		kind: 'win' as const,
		id: postId,
		text: 'Chaired my first meeting',
		wonOn: '2026-11-20',
		showName: false,
		postedAt: '2026-11-23T10:00:00.000Z'
	};
}
