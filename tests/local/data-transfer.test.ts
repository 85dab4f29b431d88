import { describe, expect, it } from 'vitest';
import type { SurveyAnswer } from '$lib/domain/survey';
import { testRepositories } from '../support/test-db';

async function deviceWithData() {
	const t = testRepositories();
	await t.repos.welcome(
		'pair-1',
		{ role: 'mentee', name: 'Sam', language: 'cy' },
		{ partnerName: 'Rhian', startedOn: '2026-11-01', endsOn: '' }
	);
	await t.repos.journal.save('e1', { entryDate: '2026-11-02', body: 'Private thought' });
	await t.repos.goals.save('g1', 'pair-1', {
		title: 'Chair a committee',
		outcome: 'new_role',
		status: 'active',
		manualProgress: 10
	});
	await t.repos.wins.save('w1', 'pair-1', {
		wonOn: '2026-11-20',
		text: 'First question at council'
	});
	await t.repos.journal.save('e2', { entryDate: '2026-11-03', body: 'Deleted later' });
	await t.repos.journal.remove('e2');
	return t;
}

const answer = (overrides: Partial<SurveyAnswer> = {}): SurveyAnswer => ({
	id: 'a1',
	pairId: 'scheme-pair-1',
	checkpoint: 'baseline',
	ratings: { confidence: 2, goalProgress: 3, relationship: null, meetingsUseful: null },
	again: null,
	outcomes: [],
	comment: 'Nervous about full council',
	shareComment: false,
	createdAt: '2026-11-02T09:00:00.000Z',
	answeredAt: '2026-11-02T09:00:00.000Z',
	...overrides
});

describe('export and import', () => {
	it('moves everything to a new device, tombstones included', async () => {
		const from = await deviceWithData();
		const file = JSON.stringify(await from.repos.transfer.exportAll());
		const to = testRepositories();
		const outcome = await to.repos.transfer.importFile(file);
		expect(outcome).toEqual({ ok: true, added: 6, updated: 0, unchanged: 0 });
		expect(await to.repos.profile.get()).toMatchObject({ name: 'Sam', language: 'cy' });
		expect((await to.repos.journal.newest(10)).items.map((e) => e.id)).toEqual(['e1']);
		expect(await to.db.journal.get('e2')).toMatchObject({ deleted: 1 });
	});

	it('merges without duplicates: importing twice changes nothing', async () => {
		const t = await deviceWithData();
		const file = JSON.stringify(await t.repos.transfer.exportAll());
		expect(await t.repos.transfer.importFile(file)).toEqual({
			ok: true,
			added: 0,
			updated: 0,
			unchanged: 6
		});
		expect(await t.db.journal.count()).toBe(2);
	});

	it('keeps the newer copy of a record on either side', async () => {
		const t = await deviceWithData();
		const file = await t.repos.transfer.exportAll();
		t.clock.advance(60_000);
		await t.repos.journal.save('e1', { entryDate: '2026-11-02', body: 'Edited after export' });
		await t.repos.transfer.importFile(JSON.stringify(file));
		expect((await t.repos.journal.get('e1'))?.body).toBe('Edited after export');

		const newer = structuredClone(file);
		const goal = newer.tables.goals[0]!;
		goal.title = 'Chair planning committee';
		goal.updatedAt = '2030-01-01T00:00:00.000Z';
		const outcome = await t.repos.transfer.importFile(JSON.stringify(newer));
		expect(outcome).toMatchObject({ ok: true, updated: 1 });
		expect((await t.repos.goals.get('g1'))?.title).toBe('Chair planning committee');
	});

	it('carries check-in answers with their comments, keeping the one given last', async () => {
		const from = await deviceWithData();
		await from.db.surveyAnswers.put(answer());
		const file = await from.repos.transfer.exportAll();
		expect(file.surveyAnswers).toEqual([answer()]);

		const to = testRepositories();
		await to.db.surveyAnswers.put(
			answer({ id: 'a2', comment: 'Later', answeredAt: '2026-11-05T09:00:00.000Z' })
		);
		expect(await to.repos.transfer.importFile(JSON.stringify(file))).toEqual({
			ok: true,
			added: 6,
			updated: 0,
			unchanged: 1
		});
		expect((await to.db.surveyAnswers.toArray()).map((a) => a.comment)).toEqual(['Later']);

		const later = { ...file, surveyAnswers: [answer({ answeredAt: '2026-11-09T09:00:00.000Z' })] };
		expect(await to.repos.transfer.importFile(JSON.stringify(later))).toMatchObject({
			updated: 1
		});
		expect(await to.db.surveyAnswers.toArray()).toEqual([
			answer({ answeredAt: '2026-11-09T09:00:00.000Z' })
		]);

		const older = { ...file, surveyAnswers: undefined };
		expect(await testRepositories().repos.transfer.importFile(JSON.stringify(older))).toMatchObject(
			{ ok: true, added: 6 }
		);
	});

	it('refuses a damaged file whole, writing nothing', async () => {
		const from = await deviceWithData();
		const file = await from.repos.transfer.exportAll();
		(file.tables.wins[0] as { wonOn: string }).wonOn = '2026-02-30';
		const to = testRepositories();
		const outcome = await to.repos.transfer.importFile(JSON.stringify(file));
		expect(outcome).toMatchObject({ ok: false, reason: 'damaged' });
		expect(outcome.ok === false && outcome.detail).toContain('wins');
		expect(await to.db.journal.count()).toBe(0);
		expect(await to.db.profile.count()).toBe(0);

		const badRating = await from.repos.transfer.exportAll();
		badRating.surveyAnswers = [answer({ ratings: { ...answer().ratings, confidence: 9 } })];
		const refused = await to.repos.transfer.importFile(JSON.stringify(badRating));
		expect(refused).toMatchObject({ ok: false, reason: 'damaged' });
		expect(refused.ok === false && refused.detail).toContain('surveyAnswers');
		expect(await to.db.surveyAnswers.count()).toBe(0);
		expect(await to.db.profile.count()).toBe(0);
	});

	it('says plainly when a file is not an export at all', async () => {
		const { repos } = testRepositories();
		expect(await repos.transfer.importFile('not json')).toEqual({ ok: false, reason: 'not_json' });
		expect(await repos.transfer.importFile('{"hello":1}')).toEqual({
			ok: false,
			reason: 'not_tandem'
		});
		const future = {
			format: 'tandem-export',
			schemaVersion: 99,
			exportedAt: '2026-11-23T10:00:00.000Z',
			tables: {}
		};
		expect(await repos.transfer.importFile(JSON.stringify(future))).toEqual({
			ok: false,
			reason: 'newer_version'
		});
	});

	it('erases everything', async () => {
		const t = await deviceWithData();
		await t.repos.transfer.eraseEverything();
		await t.db.open();
		expect(await t.db.journal.count()).toBe(0);
		expect(await t.db.profile.count()).toBe(0);
	});
});
