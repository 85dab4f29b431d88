import { describe, expect, it } from 'vitest';
import type { Repositories } from '$lib/local/repositories';
import { testRepositories } from '../support/test-db';

async function withPair() {
	const t = testRepositories();
	const r = await t.repos.welcome(
		'pair-1',
		{ role: 'mentee', name: 'Sam', language: 'en' },
		{ partnerName: 'Rhian', startedOn: '2026-11-01', endsOn: '' }
	);
	expect(r.ok).toBe(true);
	return t;
}

function scheduleSession(repos: Repositories, id: string, date: string) {
	return repos.sessions.schedule(id, 'pair-1', {
		date,
		time: '09:00',
		plannedMinutes: 60,
		mode: 'in_person'
	});
}

describe('welcome', () => {
	it('stores the person and their first pair together', async () => {
		const { repos } = await withPair();
		expect(await repos.profile.get()).toMatchObject({ name: 'Sam', currentPairId: 'pair-1' });
		expect(await repos.pairs.list()).toHaveLength(1);
	});

	it('lets someone waiting to be matched start with no pair', async () => {
		const { repos } = testRepositories();
		const r = await repos.welcome('pair-1', { role: 'mentee', name: 'Sam', language: 'en' }, null);
		expect(r.ok).toBe(true);
		expect(await repos.profile.get()).toMatchObject({ name: 'Sam', currentPairId: null });
		expect(await repos.pairs.list()).toEqual([]);
	});

	it('stores neither when either is invalid', async () => {
		const { repos } = testRepositories();
		const r = await repos.welcome(
			'pair-1',
			{ role: 'mentee', name: 'Sam', language: 'en' },
			{ partnerName: '', startedOn: '2026-11-01', endsOn: '2026-10-01' }
		);
		expect(r).toEqual({
			ok: false,
			problems: { partnerName: 'required', endsOn: 'end_before_start' }
		});
		expect(await repos.profile.get()).toBeUndefined();
		expect(await repos.pairs.list()).toEqual([]);
	});
});

describe('journal', () => {
	it('saves under the id chosen when the form opened, so a retry does not duplicate', async () => {
		const { repos } = await withPair();
		const input = { entryDate: '2026-11-23', body: 'First scrutiny meeting', tags: [] };
		await repos.journal.save('entry-1', input);
		await repos.journal.save('entry-1', input);
		const page = await repos.journal.newest(50);
		expect(page.items.map((e) => e.id)).toEqual(['entry-1']);
	});

	it('writes nothing when the input is bad', async () => {
		const { repos, db } = await withPair();
		const r = await repos.journal.save('entry-1', { entryDate: '2026-02-30', body: '' });
		expect(r.ok).toBe(false);
		expect(await db.journal.count()).toBe(0);
	});

	it('reads newest first a page at a time, and hides deleted entries until restored', async () => {
		const { repos, clock } = await withPair();
		for (let day = 1; day <= 7; day++) {
			clock.advance(1000);
			await repos.journal.save(`e${day}`, { entryDate: `2026-11-0${day}`, body: `Day ${day}` });
		}
		const first = await repos.journal.newest(3);
		expect(first.items.map((e) => e.id)).toEqual(['e7', 'e6', 'e5']);
		expect(first.more).toBe(true);
		await repos.journal.remove('e6');
		expect((await repos.journal.newest(3)).items.map((e) => e.id)).toEqual(['e7', 'e5', 'e4']);
		await repos.journal.restore('e6');
		expect((await repos.journal.newest(10)).items).toHaveLength(7);
		expect((await repos.journal.newest(10)).more).toBe(false);
	});

	it('keeps a tombstone rather than deleting the row', async () => {
		const { repos, db } = await withPair();
		await repos.journal.save('e1', { entryDate: '2026-11-01', body: 'Note' });
		await repos.journal.remove('e1');
		expect(await db.journal.get('e1')).toMatchObject({ deleted: 1 });
	});
});

const ids = (found: { entries: { id: string }[] }) => found.entries.map((e) => e.id);

describe('journal search', () => {
	it('builds the index once when warming and searching overlap', async () => {
		const { repos } = await withPair();
		await repos.journal.save('a', { entryDate: '2026-11-01', body: 'Ward surgery notes' });
		const [, found] = await Promise.all([
			repos.journalSearch.warm(),
			repos.journalSearch.search('surgery')
		]);
		expect(ids(found)).toEqual(['a']);
		expect(ids(await repos.journalSearch.search('ward'))).toEqual(['a']);
	});

	it('returns the best matches up to a limit and counts them all', async () => {
		const { repos } = await withPair();
		for (let i = 0; i < 5; i++) {
			await repos.journal.save(`e${i}`, { entryDate: '2026-11-01', body: `Budget meeting ${i}` });
		}
		const found = await repos.journalSearch.search('budget', 2);
		expect(found.entries).toHaveLength(2);
		expect(found.total).toBe(5);
	});

	it('finds entries by words and tags, follows edits and deletes', async () => {
		const { repos, clock } = await withPair();
		await repos.journal.save('a', {
			entryDate: '2026-11-01',
			body: 'Prepared for the local radio interview',
			tags: ['media relations']
		});
		await repos.journal.save('b', {
			entryDate: '2026-11-02',
			body: 'Casework surgery in the ward'
		});
		expect(ids(await repos.journalSearch.search('radio'))).toEqual(['a']);
		expect(ids(await repos.journalSearch.search('media'))).toEqual(['a']);
		expect(ids(await repos.journalSearch.search('case'))).toEqual(['b']);

		clock.advance(1000);
		await repos.journal.save('b', { entryDate: '2026-11-02', body: 'Budget briefing' });
		expect(ids(await repos.journalSearch.search('casework'))).toEqual([]);
		expect(ids(await repos.journalSearch.search('budget'))).toEqual(['b']);

		clock.advance(1000);
		await repos.journal.remove('a');
		expect(ids(await repos.journalSearch.search('radio'))).toEqual([]);
	});
});

describe('logging a session', () => {
	it('files the discussed agenda items and carries the rest over, in one step', async () => {
		const { repos } = await withPair();
		await repos.agenda.save('i1', 'pair-1', 'mentee', { title: 'Group dynamics' });
		await repos.agenda.save('i2', 'pair-1', 'mentee', { title: 'Media training' });
		await scheduleSession(repos, 's1', '2026-11-20');
		const r = await repos.sessions.log('s1', { actualMinutes: 45, notes: 'Good talk' }, ['i1']);
		expect(r.ok && r.record).toMatchObject({ status: 'held', actualMinutes: 45 });
		expect((await repos.agenda.discussedIn('s1')).map((i) => i.id)).toEqual(['i1']);
		expect(await repos.agenda.open('pair-1')).toMatchObject([{ id: 'i2', carriedOver: 1 }]);

		// Logging again edits the notes but does not carry the agenda over a second time.
		await repos.sessions.log('s1', { actualMinutes: 50, notes: 'Better notes' }, []);
		expect(await repos.agenda.open('pair-1')).toMatchObject([{ id: 'i2', carriedOver: 1 }]);
	});

	it('changes nothing when the log is invalid', async () => {
		const { repos } = await withPair();
		await repos.agenda.save('i1', 'pair-1', 'mentee', { title: 'Group dynamics' });
		await scheduleSession(repos, 's1', '2026-11-20');
		const r = await repos.sessions.log('s1', { actualMinutes: 10_000, notes: '' }, ['i1']);
		expect(r).toEqual({ ok: false, problems: { actualMinutes: 'out_of_range' } });
		expect(await repos.sessions.get('s1')).toMatchObject({ status: 'scheduled' });
		expect(await repos.agenda.open('pair-1')).toMatchObject([{ id: 'i1', carriedOver: 0 }]);
	});

	it('splits sessions into upcoming and past around today', async () => {
		const { repos } = await withPair();
		for (const [id, date] of [
			['old', '2026-11-01'],
			['today', '2026-11-23'],
			['soon', '2026-12-01']
		] as const) {
			await scheduleSession(repos, id, date);
		}
		expect((await repos.sessions.upcoming('pair-1', 10)).items.map((s) => s.id)).toEqual([
			'today',
			'soon'
		]);
		expect((await repos.sessions.past('pair-1', 10)).items.map((s) => s.id)).toEqual(['old']);
	});
});

describe('agenda order', () => {
	it('moves an item up', async () => {
		const { repos } = await withPair();
		for (const id of ['a', 'b', 'c']) {
			await repos.agenda.save(id, 'pair-1', 'mentee', { title: id });
		}
		await repos.agenda.move('pair-1', 'c', -1);
		expect((await repos.agenda.open('pair-1')).map((i) => i.id)).toEqual(['a', 'c', 'b']);
	});
});

describe('goals and milestones', () => {
	it('adds, ticks and removes milestones without duplicates', async () => {
		const { repos } = await withPair();
		await repos.goals.save('g1', 'pair-1', {
			title: 'Chair a committee',
			outcome: 'new_role',
			status: 'active',
			manualProgress: 0
		});
		await repos.goals.addMilestone('g1', 'm1', { text: 'Observe' });
		await repos.goals.addMilestone('g1', 'm1', { text: 'Observe' });
		await repos.goals.addMilestone('g1', 'm2', { text: 'Vice-chair' });
		await repos.goals.tickMilestone('g1', 'm1', true);
		const g = await repos.goals.get('g1');
		expect(g?.milestones.map((m) => [m.id, m.doneOn])).toEqual([
			['m1', '2026-11-23'],
			['m2', null]
		]);
		await repos.goals.removeMilestone('g1', 'm2');
		expect((await repos.goals.get('g1'))?.milestones).toHaveLength(1);
	});
});

describe('wins', () => {
	it("finds this week's wins", async () => {
		const { repos } = await withPair();
		await repos.wins.save('w1', 'pair-1', { wonOn: '2026-11-20', text: 'Last week' });
		await repos.wins.save('w2', 'pair-1', { wonOn: '2026-11-23', text: 'This week' });
		expect((await repos.wins.thisWeek('pair-1')).map((w) => w.id)).toEqual(['w2']);
	});
});
