import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { emptyNeedsDraft } from '$lib/domain/publication-draft';
import { TandemDb } from '$lib/local/db';
import type { Needs } from '$lib/protocol/publication-protocol';
import { createRepositories } from '$lib/local/repositories';
import { schemaHistory } from '$lib/local/schema-history';
import { fixedClock, freshIndexedDb } from '../support/test-db';

/**
 * Data as each released schema version wrote it. When a version is added, add its fixtures
 * here: the test below opens today's schema over data from every earlier version.
 */
const writtenBy: Record<number, Record<string, object[]>> = {
	1: {
		profile: [
			{
				id: 'me',
				role: 'mentee',
				name: 'Sam',
				language: 'en',
				currentPairId: 'p1',
				createdAt: '2026-06-01T09:00:00.000Z',
				updatedAt: '2026-06-01T09:00:00.000Z'
			}
		],
		pairs: [
			{
				id: 'p1',
				createdAt: '2026-06-01T09:00:00.000Z',
				updatedAt: '2026-06-01T09:00:00.000Z',
				deleted: 0,
				deletedAt: null,
				partnerName: 'Rhian',
				startedOn: '2026-06-01',
				endsOn: '2026-12-01',
				agreement: { meetEveryWeeks: 4, meetingMinutes: 60, agreedOn: '2026-06-08' }
			}
		],
		journal: [
			{
				id: 'j1',
				createdAt: '2026-06-02T09:00:00.000Z',
				updatedAt: '2026-06-02T09:00:00.000Z',
				deleted: 0,
				deletedAt: null,
				entryDate: '2026-06-02',
				prompt: 'learned',
				body: 'How call-in works',
				tags: ['scrutiny']
			}
		],
		sessions: [
			{
				id: 's1',
				createdAt: '2026-06-02T09:00:00.000Z',
				updatedAt: '2026-06-02T09:00:00.000Z',
				deleted: 0,
				deletedAt: null,
				pairId: 'p1',
				startsAt: '2026-06-08T10:00',
				plannedMinutes: 60,
				mode: 'in_person',
				place: 'Civic centre',
				status: 'held',
				actualMinutes: 50,
				notes: 'First meeting'
			}
		],
		wins: [
			{
				id: 'w1',
				createdAt: '2026-06-03T09:00:00.000Z',
				updatedAt: '2026-06-03T09:00:00.000Z',
				deleted: 0,
				deletedAt: null,
				pairId: 'p1',
				wonOn: '2026-06-03',
				text: 'Asked my first question'
			}
		]
	}
};
writtenBy[2] = {
	...writtenBy[1],
	membership: [
		{
			id: 'me',
			schemeId: '0b6c1a0e-5f0a-4b59-9d0e-7c1f2d3e4a5b',
			schemeName: 'Member mentoring',
			organisation: 'Example Council',
			participantId: '6f1c3a52-8a52-4f0e-9f55-0e2b7b1c9d10',
			role: 'mentee',
			name: 'Sam',
			deviceId: '9d2f6c1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
			deviceSecret: 'secret',
			joinedAt: '2026-06-04T09:00:00.000Z',
			revokedAt: null,
			lastSyncedAt: null,
			lastProblem: { kind: 'offline' }
		}
	],
	schemePairs: [
		{
			id: '3e0f4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
			localPairId: 'p1',
			role: 'mentee',
			partnerName: 'Rhian Jones',
			startsOn: '2026-06-01',
			endsOn: null,
			status: 'active'
		}
	],
	// A progress report queued offline, in the shape versions 2 to 4 wrote.
	outbox: [
		{
			uploadId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
			pairId: '3e0f4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
			state: 'pending',
			payload: {
				uploadId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
				version: 1,
				generatedAt: '2026-06-09T09:00:00.000Z',
				pair: '3e0f4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
				sessionsHeld: [{ on: '2026-06-08', minutes: 50 }],
				sessionsScheduled: 0,
				agendaItemsRaised: 0,
				agendaItemsDiscussed: 0,
				goalsSet: 0,
				goalsAchieved: 0,
				goalsDropped: 0,
				actionsOpen: 0,
				actionsDone: 0,
				winsByWeek: [{ week: '2026-W23', wins: 1 }],
				agreementOn: '2026-06-08',
				lastActivityOn: '2026-06-08'
			},
			contentKey: 'queued-offline',
			queuedAt: '2026-06-09T09:00:00.000Z',
			attempts: 2,
			nextAttemptAt: 0,
			lastProblem: { kind: 'offline' },
			sentAt: null
		}
	]
};

writtenBy[3] = {
	...writtenBy[2],
	replicaState: [
		{
			key: 'sessions/s1',
			table: 'sessions',
			id: 's1',
			pairId: 'p1',
			fields: {
				startsAt: '2026-06-08T10:00',
				plannedMinutes: 60,
				mode: 'in_person',
				place: 'Civic centre',
				status: 'held',
				actualMinutes: 50,
				notes: 'First meeting',
				createdAt: '2026-06-02T09:00:00.000Z',
				deleted: 0,
				deletedAt: null
			},
			clocks: Object.fromEntries(
				[
					'startsAt',
					'plannedMinutes',
					'mode',
					'place',
					'status',
					'actualMinutes',
					'notes',
					'createdAt',
					'deleted',
					'deletedAt'
				].map((f) => [f, '2026-06-02T09:00:00.000Z-0000-0123456789abcdef'])
			)
		},
		{
			key: 'wins/w1',
			table: 'wins',
			id: 'w1',
			pairId: 'p1',
			fields: {
				wonOn: '2026-06-03',
				text: 'Asked my first question',
				createdAt: '2026-06-03T09:00:00.000Z',
				deleted: 0,
				deletedAt: null
			},
			clocks: {
				wonOn: '2026-06-03T09:00:00.000Z-0000-0123456789abcdef',
				text: '2026-06-03T09:00:00.000Z-0000-0123456789abcdef',
				createdAt: '2026-06-03T09:00:00.000Z-0000-0123456789abcdef',
				deleted: '2026-06-03T09:00:00.000Z-0000-0123456789abcdef',
				deletedAt: '2026-06-03T09:00:00.000Z-0000-0123456789abcdef'
			}
		}
	],
	replicaMeta: [{ key: 'clock', wall: 1780477200000, counter: 0, node: '0123456789abcdef' }],
	pairChannels: [
		{
			id: '3e0f4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
			localPairId: 'p1',
			key: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA',
			state: 'linked',
			registered: true,
			cursor: 12,
			linkedAt: '2026-06-05T09:00:00.000Z',
			lastSyncedAt: null,
			lastProblem: null,
			rejected: 0,
			devices: [],
			endedAt: null
		}
	],
	pairOutbox: [],
	heldMessages: [],
	backup: []
};

// As version 4 wrote them: needs had no gender of the mentee's own then.
const needs: Omit<Needs, 'gender'> = {
	summary: 'Chairing scrutiny',
	areas: ['leadership', 'learning-the-ropes'],
	level: null,
	serviceArea: null,
	group: 'Independent',
	preferences: {
		gender: null,
		role: { value: 'committee-chair', strength: 'must' },
		experience: null
	},
	avoid: { lineManager: null, people: [], ownGroup: true }
};

writtenBy[4] = {
	...writtenBy[3],
	membership: [
		{
			...writtenBy[3].membership![0],
			matching: {
				audience: 'members',
				areas: ['leadership', 'learning-the-ropes'],
				serviceAreas: [],
				groups: ['Independent'],
				genderPreferences: false,
				ownGroupExclusion: true
			},
			published: { penPictureAt: null, needsAt: '2026-06-06T09:00:00.000Z' }
		}
	],
	publications: [
		{
			kind: 'needs',
			draft: {
				...emptyNeedsDraft(),
				summary: 'Chairing scrutiny',
				areas: ['leadership', 'learning-the-ropes'],
				group: 'Independent',
				role: { value: 'committee-chair', strength: 'must' },
				ownGroup: true
			},
			state: 'published',
			editedAt: '2026-06-06T08:00:00.000Z',
			writtenAt: '2026-06-06T08:30:00.000Z',
			publishedAt: '2026-06-06T09:00:00.000Z',
			unpublishedChanges: false,
			payload: needs,
			lastProblem: null
		}
	],
	proposals: [
		{
			id: '5d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a',
			stage: 'mentee',
			respondBy: '2026-06-20T09:00:00.000Z',
			mentor: { name: 'Rhian Jones', penPicture: null },
			mentee: { name: 'Sam', needs },
			answered: null
		}
	]
};

writtenBy[5] = {
	...writtenBy[4],
	outbox: writtenBy[4].outbox!.map((entry) => ({
		...entry,
		kind: 'metrics',
		topic: 'metrics:3e0f4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b'
	})),
	boardPosts: [
		{
			id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
			kind: 'thought',
			text: 'Small steps count.',
			title: '',
			url: '',
			why: '',
			wonOn: null,
			authorName: null,
			byCoordinator: true,
			postedAt: '2026-06-10T09:00:00.000Z',
			status: 'visible',
			moderationReason: null,
			mine: false,
			reactions: { applause: 2, inspiring: 0, thanks: 0, support: 0 },
			myReactions: ['applause'],
			receivedAt: '2026-06-10T09:05:00.000Z'
		}
	],
	boardMeta: [
		{ key: 'state', lastVisitAt: '2026-06-10T10:00:00.000Z', pulledAt: null, more: false },
		{
			key: 'shared-win:w1',
			winId: 'w1',
			postId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
			sharedAt: '2026-06-10T09:00:00.000Z'
		}
	],
	surveyAnswers: [
		{
			id: '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f',
			pairId: '3e0f4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
			checkpoint: 'baseline',
			ratings: { confidence: 2, goalProgress: 1, relationship: null, meetingsUseful: null },
			again: null,
			outcomes: [],
			comment: 'Nervous about full council',
			shareComment: false,
			createdAt: '2026-06-02T09:00:00.000Z',
			answeredAt: '2026-06-02T09:00:00.000Z'
		}
	],
	supportRequests: []
};

describe('schema migrations', () => {
	it('has fixtures for every released version', () => {
		for (const { version } of schemaHistory) expect(writtenBy[version]).toBeDefined();
	});

	for (const { version } of schemaHistory) {
		it(`opens today's schema over data written by version ${version}`, async () => {
			const idb = freshIndexedDb();
			const old = new Dexie('tandem', idb);
			for (const v of schemaHistory.filter((h) => h.version <= version)) {
				old.version(v.version).stores(v.stores);
			}
			await old.open();
			for (const [table, rows] of Object.entries(writtenBy[version]!)) {
				await old.table(table).bulkPut(rows);
			}
			old.close();

			const db = new TandemDb('tandem', idb);
			const repos = createRepositories(db, fixedClock());
			expect(await repos.profile.get()).toMatchObject({ name: 'Sam', currentPairId: 'p1' });
			expect(await repos.pairs.list()).toMatchObject([{ id: 'p1', partnerName: 'Rhian' }]);
			expect((await repos.journal.newest(10)).items).toMatchObject([{ id: 'j1' }]);
			expect((await repos.sessions.past('p1', 10)).items).toMatchObject([{ id: 's1' }]);
			expect((await repos.wins.newest('p1', 10)).items).toMatchObject([{ id: 'w1' }]);
			expect((await repos.journalSearch.search('call-in')).entries.map((e) => e.id)).toEqual([
				'j1'
			]);
			// And the upgraded data is still editable.
			const saved = await repos.journal.save('j1', {
				entryDate: '2026-06-02',
				body: 'Edited after upgrade'
			});
			expect(saved.ok).toBe(true);
			if (version >= 2) {
				expect(await repos.scheme.membership()).toMatchObject({ name: 'Sam' });
				expect(await repos.scheme.links()).toMatchObject([{ localPairId: 'p1' }]);
			}
			// Every shared record has a merge state, stamped from its last change, so a pair
			// linked after the upgrade shares what was written before it.
			expect(await db.replicaState.get('sessions/s1')).toMatchObject({
				pairId: 'p1',
				fields: { notes: 'First meeting', actualMinutes: 50 }
			});
			const win = await db.replicaState.get('wins/w1');
			expect(win?.clocks.text).toMatch(/^2026-06-03T09:00:00.000Z-0000-[0-9a-f]{16}$/);
			// Edits after the upgrade are stamped later than anything before it.
			const edited = await repos.wins.save('w1', 'p1', { wonOn: '2026-06-03', text: 'Edited' });
			expect(edited.ok).toBe(true);
			expect(
				String((await db.replicaState.get('wins/w1'))?.clocks.text) > String(win?.clocks.text)
			).toBe(true);
			if (version >= 4) {
				expect(await repos.publications.get('needs')).toMatchObject({
					state: 'published',
					draft: { summary: 'Chairing scrutiny' }
				});
				expect(await repos.scheme.proposals()).toMatchObject([{ stage: 'mentee' }]);
				expect(await repos.scheme.membership()).toMatchObject({
					matching: { audience: 'members' }
				});
			} else {
				expect(await repos.publications.get('needs')).toBeUndefined();
				expect(await repos.scheme.proposals()).toEqual([]);
			}
			// Needs can be drafted and queued after the upgrade, whatever version came before.
			const draft = { ...emptyNeedsDraft(), summary: 'After the upgrade' };
			await repos.publications.saveDraft('needs', draft);
			await repos.publications.queuePublish('needs', draft, {
				...needs,
				gender: null,
				summary: 'After'
			});
			expect(await repos.publications.due()).toMatchObject([
				{ kind: 'needs', action: 'publish', payload: { summary: 'After' } }
			]);
			if (version >= 2) {
				// The report queued before the upgrade is still waiting, as an item of the outbox.
				expect(await repos.scheme.due(Date.now())).toMatchObject([
					{
						uploadId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
						kind: 'metrics',
						topic: 'metrics:3e0f4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
						attempts: 2,
						payload: { sessionsHeld: [{ on: '2026-06-08', minutes: 50 }] }
					}
				]);
				// A new report for the pair replaces it rather than queue beside it.
				await repos.scheme.queueReports();
				const waiting = await repos.scheme.pending();
				expect(waiting).toHaveLength(1);
				expect(waiting[0]).toMatchObject({
					kind: 'metrics',
					topic: 'metrics:3e0f4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b'
				});
				expect(waiting[0]!.uploadId).not.toBe('7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d');
			}
			if (version >= 5) {
				expect(await db.boardPosts.toArray()).toMatchObject([{ text: 'Small steps count.' }]);
				const board = await repos.board();
				expect(await board.sharedWins()).toMatchObject([{ winId: 'w1' }]);
				// Seen at 10:00, after it arrived at 09:05: nothing new.
				expect(await board.newCount()).toBe(0);
				expect(await db.surveyAnswers.toArray()).toMatchObject([{ checkpoint: 'baseline' }]);
			}
			if (version >= 3) {
				const [channel] = await repos.pairChannels.channels();
				expect(channel).toMatchObject({ localPairId: 'p1', cursor: 12 });
				// A linked pair's edit goes to its outbox.
				expect(await repos.pairChannels.waitingCount(channel!.id)).toBe(1);
			}
			db.close();
		});
	}
});
