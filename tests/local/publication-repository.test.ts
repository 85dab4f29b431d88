import { describe, expect, it } from 'vitest';
import { emptyNeedsDraft, emptyPenPictureDraft } from '$lib/domain/publication-draft';
import { recordFits } from '$lib/replica/record-checks';
import { testRepositories } from '../support/test-db';

const draft = { ...emptyPenPictureDraft(), text: 'Ward member since 2017', areas: ['leadership'] };

describe('pen picture and needs drafts', () => {
	it('start empty and are kept as the person writes, with no network involved', async () => {
		const { repos, clock } = testRepositories();
		expect(await repos.publications.get('pen-picture')).toBeUndefined();
		await repos.publications.saveDraft('pen-picture', draft);
		expect(await repos.publications.get('pen-picture')).toMatchObject({
			kind: 'pen-picture',
			draft,
			state: 'draft',
			editedAt: clock().toISOString(),
			publishedAt: null,
			unpublishedChanges: false
		});
		expect(await repos.publications.due()).toEqual([]);
	});

	it('note when the draft last changed, not when it was last saved unchanged', async () => {
		const { repos, clock } = testRepositories();
		await repos.publications.saveDraft('needs', { ...emptyNeedsDraft(), summary: 'Casework' });
		const first = clock().toISOString();
		clock.advance(60_000);
		await repos.publications.saveDraft('needs', { ...emptyNeedsDraft(), summary: 'Casework' });
		expect(await repos.publications.get('needs')).toMatchObject({ editedAt: first });
		await repos.publications.saveDraft('needs', { ...emptyNeedsDraft(), summary: 'Scrutiny' });
		expect(await repos.publications.get('needs')).toMatchObject({
			editedAt: clock().toISOString()
		});
	});

	it('go into the backup and come back on a new device; a later draft there is kept', async () => {
		const old = testRepositories();
		await old.repos.publications.saveDraft('pen-picture', draft);
		const snapshot = await old.repos.backup.snapshot();
		expect(snapshot.publications).toMatchObject([{ kind: 'pen-picture', draft }]);

		const fresh = testRepositories();
		expect(await fresh.repos.backup.restore(snapshot, recordFits)).toMatchObject({ added: 1 });
		expect(await fresh.repos.publications.get('pen-picture')).toMatchObject({ draft });

		const laptop = testRepositories();
		laptop.clock.advance(60_000);
		const later = { ...draft, text: 'Written on the laptop later' };
		await laptop.repos.publications.saveDraft('pen-picture', later);
		await laptop.repos.backup.restore(snapshot, recordFits);
		expect(await laptop.repos.publications.get('pen-picture')).toMatchObject({ draft: later });
	});

	it('restore from a backup made before drafts existed', async () => {
		const old = testRepositories();
		const { publications: _none, ...before } = await old.repos.backup.snapshot();
		const fresh = testRepositories();
		expect(await fresh.repos.backup.restore(before, recordFits)).toEqual({ added: 0, updated: 0 });
		expect(await fresh.repos.publications.get('pen-picture')).toBeUndefined();
	});
});
