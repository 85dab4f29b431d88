import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { TandemDb } from '$lib/local/db';
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
	outbox: []
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
			db.close();
		});
	}
});
