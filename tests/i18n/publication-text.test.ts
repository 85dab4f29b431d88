import { afterEach, describe, expect, it } from 'vitest';
import { emptyPenPictureDraft } from '$lib/domain/publication-draft';
import {
	draftProblemText,
	fieldProblem,
	publicationProblemText,
	publicationStateLines
} from '$lib/i18n/publication-text';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';
import type { Publication } from '$lib/local/rows/publication-record';

const english = getLocale;

const publication = (changes: Partial<Publication>): Publication => ({
	kind: 'pen-picture',
	draft: emptyPenPictureDraft(),
	state: 'draft',
	editedAt: '2026-11-20T10:00:00.000Z',
	writtenAt: null,
	publishedAt: null,
	unpublishedChanges: false,
	payload: null,
	lastProblem: null,
	...(changes as object)
});

describe('where a publication stands, in words', () => {
	afterEach(() => overwriteGetLocale(english));

	it('says each state plainly, and when changes have not gone yet', () => {
		expect(publicationStateLines(undefined)).toEqual([
			'Not published: the scheme has nothing from you yet.'
		]);
		expect(publicationStateLines(publication({ state: 'to-publish' }))[0]).toMatch(
			/^Waiting to publish/
		);
		expect(
			publicationStateLines(
				publication({
					state: 'published',
					publishedAt: '2026-11-23T10:00:00.000Z',
					unpublishedChanges: true
				})
			)
		).toEqual(['Published on Mon, 23 Nov 2026', 'Changes not yet published']);
		expect(publicationStateLines(publication({ state: 'to-withdraw' }))[0]).toMatch(
			/^Waiting to withdraw/
		);
	});

	it('names the field the scheme refused, as the form labels it', () => {
		expect(
			publicationProblemText({
				kind: 'refused',
				field: 'penPicture.areas',
				problem: "is not on the scheme's list"
			})
		).toBe(
			'Your scheme did not accept it. Areas you can help with: this is no longer on the scheme’s list (your coordinator may have changed the list). Change it and publish again.'
		);
		expect(
			publicationProblemText({
				kind: 'refused',
				field: 'needs.preferences.role.value',
				problem: 'is not a role or level'
			})
		).toContain(
			'A role your mentor has held: the scheme’s server says it “is not a role or level”.'
		);
		expect(publicationProblemText({ kind: 'offline' })).toMatch(/^Not sent yet/);
	});

	it('says what is wrong with a draft, list problems included', () => {
		expect(draftProblemText('none_chosen')).toBe('Choose at least one.');
		expect(draftProblemText('required')).toBe('This cannot be empty.');
		expect(fieldProblem('too_many')).toBeUndefined();
		expect(fieldProblem('too_long')).toBe('too_long');
	});

	it('speaks Welsh to a Welsh reader', () => {
		overwriteGetLocale(() => 'cy');
		expect(publicationStateLines(publication({ state: 'to-publish' }))[0]).toMatch(
			/^Yn aros i’w gyhoeddi/
		);
		expect(draftProblemText('twice')).toBe('Mae’r un un wedi’i roi ddwywaith.');
	});
});
