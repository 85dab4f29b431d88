import { describe, expect, it } from 'vitest';
import type { BoardPostForDevice, BoardPostInput } from '$lib/protocol/board-protocol';
import { BoardSync } from '$lib/sync/board-sync';
import { SchemeSync } from '$lib/sync/scheme-sync';
import { MockSchemeServer } from '../support/mock-scheme-server';
import { testRepositories } from '../support/test-db';

const myPostId = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const theirPostId = '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f';

/** A joined device with its scheme sync and board sync, as each round runs them. */
async function joinedDevice() {
	const device = testRepositories();
	const server = new MockSchemeServer();
	const scheme = new SchemeSync(
		device.repos.scheme,
		device.repos.publications,
		server,
		device.clock
	);
	const board = await device.repos.board();
	const boardSync = new BoardSync(board, server, device.clock);
	await scheme.join('GOOD-CODE');
	/** One round of the sync triggers: the scheme round, then the board. */
	const round = async () => {
		await scheme.run();
		await boardSync.run((await device.repos.scheme.membership())!);
	};
	await round();
	server.calls.length = 0;
	return { ...device, server, board, boardSync, round };
}

function theirPost(overrides: Partial<BoardPostForDevice> = {}): BoardPostForDevice {
	return {
		id: theirPostId,
		kind: 'win',
		text: 'Spoke at full council for the first time',
		title: '',
		url: '',
		why: '',
		wonOn: '2026-11-19',
		authorName: 'Morgan',
		byCoordinator: false,
		postedAt: '2026-11-22T18:00:00.000Z',
		status: 'visible',
		moderationReason: null,
		mine: false,
		reactions: { applause: 3, inspiring: 0, thanks: 0, support: 1 },
		myReactions: [],
		...overrides
	};
}

const myThought = (text = 'Small steps count.'): BoardPostInput => ({
	kind: 'thought',
	id: myPostId,
	text,
	showName: false,
	postedAt: '2026-11-23T10:00:00.000Z'
});

describe('the board on the device', () => {
	it('is pulled after the scheme round and read from the device', async () => {
		const { server, board, round } = await joinedDevice();
		server.boardOthers = [theirPost()];
		await round();
		expect(server.calls).toEqual(['participation', 'board-listing']);
		const { posts, state } = await board.view();
		expect(posts).toMatchObject([
			{ id: theirPostId, authorName: 'Morgan', reactions: { applause: 3 }, waiting: false }
		]);
		expect(state.pulledAt).toBe('2026-11-23T10:00:00.000Z');
	});

	it('stays readable offline, and a post written offline waits, then goes and stays', async () => {
		const { server, board, round, db } = await joinedDevice();
		server.boardOthers = [theirPost()];
		await round();
		server.offline = true;
		await board.post(myThought());
		await round();
		const offline = await board.view();
		expect(offline.posts.map((p) => [p.id, p.waiting, p.authorName])).toEqual([
			[myPostId, true, null],
			[theirPostId, false, 'Morgan']
		]);
		// The post is not in the cache of what the scheme holds until the scheme has it.
		expect(await db.boardPosts.get(myPostId)).toBeUndefined();

		server.offline = false;
		await round();
		expect(server.boardPosts.get(myPostId)).toEqual(myThought());
		const online = await board.view();
		expect(online.posts.find((p) => p.id === myPostId)).toMatchObject({
			waiting: false,
			mine: true,
			status: 'visible'
		});
		expect(await db.boardPosts.get(myPostId)).toBeDefined();
	});

	it('shows a reaction at once, and the scheme’s count once it has it', async () => {
		const { server, board, round } = await joinedDevice();
		server.boardOthers = [theirPost()];
		await round();
		server.offline = true;
		await board.react(theirPostId, 'applause', true);
		await board.react(theirPostId, 'support', true);
		let [post] = (await board.view()).posts;
		expect(post!.reactions).toMatchObject({ applause: 4, support: 2 });
		expect(post!.myReactions.sort()).toEqual(['applause', 'support']);
		// Taken back before it went: the scheme never counts it.
		await board.react(theirPostId, 'support', false);
		[post] = (await board.view()).posts;
		expect(post).toMatchObject({
			reactions: { applause: 4, support: 1 },
			myReactions: ['applause']
		});

		server.offline = false;
		await round();
		expect([...server.boardReactions]).toEqual([`${theirPostId}/applause`]);
		[post] = (await board.view()).posts;
		expect(post).toMatchObject({
			reactions: { applause: 4, support: 1 },
			myReactions: ['applause']
		});
	});

	it('drops a withdrawn post at once, and the scheme deletes it on the next round', async () => {
		const { server, board, round } = await joinedDevice();
		await board.post(myThought(), 'win-1');
		await round();
		expect(await board.sharedWins()).toMatchObject([{ winId: 'win-1', postId: myPostId }]);
		server.offline = true;
		await board.withdraw(myPostId);
		expect((await board.view()).posts).toEqual([]);
		// The win can be shared again.
		expect(await board.sharedWins()).toEqual([]);
		server.offline = false;
		await round();
		expect(server.boardPosts.has(myPostId)).toBe(false);
		expect((await board.view()).posts).toEqual([]);
	});

	it('says when the scheme refused a post, and withdrawing clears it away', async () => {
		const { server, board, round } = await joinedDevice();
		server.rejectField = 'text';
		await board.post(myThought());
		await round();
		expect((await board.view()).posts).toMatchObject([
			{ id: myPostId, waiting: false, refused: true }
		]);
		server.rejectField = null;
		await board.withdraw(myPostId);
		await round();
		expect((await board.view()).posts).toEqual([]);
		expect(server.calls).toContain('board-withdrawal');
	});

	it('tells the author why the coordinator hid or removed their post', async () => {
		const { server, board, round } = await joinedDevice();
		await board.post(myThought('Names my line manager'));
		await round();
		server.moderation.set(myPostId, { status: 'hidden', reason: 'Please leave names out' });
		await round();
		expect((await board.view()).posts).toMatchObject([
			{
				status: 'hidden',
				moderationReason: 'Please leave names out',
				text: 'Names my line manager'
			}
		]);
		server.moderation.set(myPostId, { status: 'removed', reason: 'Confidential' });
		await round();
		expect((await board.view()).posts).toMatchObject([
			{ status: 'removed', moderationReason: 'Confidential', text: '' }
		]);
	});

	it('counts posts by others that arrived since the last visit, not by when they were posted', async () => {
		const { server, board, round, clock } = await joinedDevice();
		server.boardOthers = [theirPost()];
		await round();
		expect(await board.newCount()).toBe(1);
		clock.advance(60_000);
		await board.recordVisit();
		expect(await board.newCount()).toBe(0);

		// Written offline a day ago, it reaches the scheme only now: still new to this person.
		clock.advance(60_000);
		server.boardOthers.push(
			theirPost({
				id: '8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a',
				postedAt: '2026-11-22T09:00:00.000Z'
			})
		);
		await board.post(myThought());
		await round();
		expect(await board.newCount()).toBe(1);
		// A post seen before keeps its arrival: pulling again does not make it new.
		clock.advance(60_000);
		await board.recordVisit();
		await round();
		expect(await board.newCount()).toBe(0);
	});

	it('fetches the scheme photo once per version, and forgets it when the scheme has none', async () => {
		const { server, board, round } = await joinedDevice();
		await round();
		expect(server.calls).not.toContain('board-photo');
		expect(await board.photo()).toBeUndefined();

		server.photo = { version: '2026-05-01T09:00:00.000Z', description: 'Everyone at the launch' };
		await round();
		await round();
		expect(server.calls.filter((c) => c === 'board-photo')).toHaveLength(1);
		const kept = await board.photo();
		expect(kept).toMatchObject({
			version: '2026-05-01T09:00:00.000Z',
			description: 'Everyone at the launch'
		});
		expect(new Uint8Array(await kept!.image.arrayBuffer())).toEqual(
			new Uint8Array(await server.photoImage.arrayBuffer())
		);

		server.photo = { version: '2026-06-01T09:00:00.000Z', description: 'Replaced' };
		await round();
		expect(server.calls.filter((c) => c === 'board-photo')).toHaveLength(2);
		expect(await board.photo()).toMatchObject({ description: 'Replaced' });

		server.photo = null;
		await round();
		expect(await board.photo()).toBeUndefined();
		expect(server.calls.filter((c) => c === 'board-photo')).toHaveLength(2);
	});

	it('keeps the last photo while the scheme cannot be reached', async () => {
		const { server, board, round } = await joinedDevice();
		server.photo = { version: 'v1', description: 'Launch' };
		await round();
		server.offline = true;
		await round();
		expect(await board.photo()).toMatchObject({ version: 'v1' });
	});

	it('keeps the milestones from participation with the membership', async () => {
		const { server, repos, round } = await joinedDevice();
		server.milestones = { startsOn: '2025-12-01', pilotEndsOn: '2026-05-31', reviewOn: null };
		await round();
		expect((await repos.scheme.membership())!.milestones).toEqual(server.milestones);
	});

	it('pages back to older posts for the visit, without keeping them', async () => {
		const { server, board, boardSync, round, repos, db } = await joinedDevice();
		server.boardOthers = [theirPost()];
		await round();
		const older = await boardSync.older(
			(await repos.scheme.membership())!,
			'2026-11-23T00:00:00.000Z'
		);
		expect(older.ok && older.value.posts.map((p) => p.id)).toEqual([theirPostId]);
		expect(await db.boardPosts.count()).toBe(1);
		const shown = await board.view(
			older.ok
				? [
						theirPost({
							id: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
							postedAt: '2026-01-01T00:00:00.000Z'
						})
					]
				: []
		);
		expect(shown.posts.map((p) => p.id)).toEqual([
			theirPostId,
			'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d'
		]);
	});

	it('starts the board afresh when the device joins as someone else', async () => {
		const { server, board, round, repos } = await joinedDevice();
		server.boardOthers = [theirPost()];
		server.photo = { version: 'v1', description: 'Launch' };
		await round();
		const before = (await repos.scheme.membership())!;
		await repos.scheme.join({ ...before, participantId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' });
		expect((await board.view()).posts).toEqual([]);
		expect(await board.photo()).toBeUndefined();
	});
});
