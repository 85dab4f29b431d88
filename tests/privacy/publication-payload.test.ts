import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { emptyNeedsDraft, emptyPenPictureDraft } from '$lib/domain/publication-draft';
import { needsPayload, penPicturePayload } from '$lib/privacy/publication-payload';
import {
	publishNeedsSchema,
	publishPenPictureSchema,
	type SchemeMatchingInfo
} from '$lib/protocol/publication-protocol';

const members: SchemeMatchingInfo = {
	audience: 'members',
	areas: ['learning-the-ropes', 'leadership', 'media-relations', 'Planning committee'],
	serviceAreas: [],
	groups: ['Labour', 'Independent'],
	genderPreferences: false,
	ownGroupExclusion: true
};
const officers: SchemeMatchingInfo = {
	...members,
	audience: 'officers',
	serviceAreas: ['Housing', 'Planning'],
	groups: []
};

const councillor = () => ({
	...emptyPenPictureDraft(),
	text: '  Twelve years on the council, four as a cabinet member.  ',
	roles: ['cabinet', 'ward-member'],
	level: 'manager',
	serviceArea: 'Housing',
	group: 'Labour',
	areas: ['Planning committee', 'retired-area', 'leadership'],
	yearsExperience: 12,
	capacity: 2,
	gender: 'Woman',
	formerMemberSince: '2026-05-04'
});

describe('a pen picture as the scheme will receive it', () => {
	it('keeps a member’s fields, drops the officer’s, and keeps only areas the scheme lists', () => {
		const built = penPicturePayload(councillor(), members);
		expect(built).toEqual({
			ok: true,
			value: {
				text: 'Twelve years on the council, four as a cabinet member.',
				roles: ['cabinet', 'ward-member'],
				level: null,
				serviceArea: null,
				group: 'Labour',
				areas: ['Planning committee', 'leadership'],
				yearsExperience: 12,
				capacity: 2,
				gender: 'Woman',
				formerMemberSince: '2026-05-04'
			}
		});
		// It is exactly what the server's schema accepts.
		const body = { writtenAt: '2026-11-23T10:00:00.000Z', penPicture: built.ok && built.value };
		expect(v.is(publishPenPictureSchema, body)).toBe(true);
	});

	it('keeps an officer’s level and service area, and asks for both', () => {
		const built = penPicturePayload(councillor(), officers);
		expect(built).toMatchObject({
			ok: true,
			value: { roles: [], group: null, formerMemberSince: null, level: 'manager' }
		});
		const missing = penPicturePayload({ ...councillor(), level: '', serviceArea: '' }, officers);
		expect(missing).toEqual({
			ok: false,
			problems: { level: 'required', serviceArea: 'required' }
		});
	});

	it('names every field at fault, in the draft’s own terms', () => {
		const built = penPicturePayload(
			{
				...emptyPenPictureDraft(),
				text: '   ',
				areas: [],
				yearsExperience: null,
				capacity: 11,
				gender: 'x'.repeat(41),
				formerMemberSince: '2026-13-40'
			},
			members
		);
		expect(built).toEqual({
			ok: false,
			problems: {
				text: 'required',
				areas: 'none_chosen',
				yearsExperience: 'required',
				capacity: 'out_of_range',
				gender: 'too_long',
				formerMemberSince: 'invalid_date'
			}
		});
	});

	it('allows a capacity of 0: willing, but not available for now', () => {
		expect(penPicturePayload({ ...councillor(), capacity: 0 }, members)).toMatchObject({
			ok: true,
			value: { capacity: 0 }
		});
	});
});

const mentee = () => ({
	...emptyNeedsDraft(),
	summary: 'New to scrutiny and to speaking in council.',
	areas: ['media-relations', 'learning-the-ropes', 'leadership'],
	group: 'Independent',
	level: 'officer',
	serviceArea: 'Planning',
	gender: { value: 'Woman', strength: 'must' as const },
	role: { value: 'committee-chair', strength: 'nice' as const },
	experience: { value: 4, strength: 'must' as const },
	lineManager: '',
	avoidPeople: ['', 'Cllr Evans', ''],
	ownGroup: true
});

describe('needs as the scheme will receive them', () => {
	it('keep the ranking, drop a gender preference the scheme does not use, and skip empty names', () => {
		const built = needsPayload(mentee(), members);
		expect(built).toEqual({
			ok: true,
			value: {
				summary: 'New to scrutiny and to speaking in council.',
				areas: ['media-relations', 'learning-the-ropes', 'leadership'],
				level: null,
				serviceArea: null,
				group: 'Independent',
				preferences: {
					gender: null,
					role: { value: 'committee-chair', strength: 'nice' },
					experience: { value: 4, strength: 'must' }
				},
				avoid: { lineManager: null, people: ['Cllr Evans'], ownGroup: true },
				gender: null
			}
		});
		const body = { writtenAt: '2026-11-23T10:00:00.000Z', needs: built.ok && built.value };
		expect(v.is(publishNeedsSchema, body)).toBe(true);
	});

	it("carry the mentee's own gender only when given, and name its field when too long", () => {
		expect(needsPayload({ ...mentee(), ownGender: ' Woman ' }, members)).toMatchObject({
			ok: true,
			value: { gender: 'Woman' }
		});
		expect(needsPayload({ ...mentee(), ownGender: '' }, members)).toMatchObject({
			value: { gender: null }
		});
		expect(needsPayload({ ...mentee(), ownGender: 'x'.repeat(41) }, members)).toEqual({
			ok: false,
			problems: { ownGender: 'too_long' }
		});
	});

	it('keep a gender preference where the scheme turned preferences on', () => {
		expect(needsPayload(mentee(), { ...members, genderPreferences: true })).toMatchObject({
			ok: true,
			value: { preferences: { gender: { value: 'Woman', strength: 'must' } } }
		});
	});

	it('for officers: no councillor role, no own-group rule, but level and service area', () => {
		expect(needsPayload(mentee(), officers)).toMatchObject({
			ok: true,
			value: {
				level: 'officer',
				serviceArea: 'Planning',
				group: null,
				preferences: { role: null },
				avoid: { ownGroup: false }
			}
		});
	});

	it('name the input at fault among the people to avoid', () => {
		const tooLong = needsPayload(
			{ ...mentee(), avoidPeople: ['Cllr Evans', '', 'y'.repeat(81)] },
			members
		);
		expect(tooLong).toEqual({ ok: false, problems: { 'avoidPeople.2': 'too_long' } });
		const twice = needsPayload(
			{ ...mentee(), avoidPeople: ['Cllr Evans', 'Cllr Evans', ''] },
			members
		);
		expect(twice).toEqual({ ok: false, problems: { avoidPeople: 'twice' } });
	});

	it('refuse more than five areas and none at all', () => {
		const six = needsPayload(
			{ ...mentee(), areas: [...members.areas, 'x', 'y'] },
			{
				...members,
				areas: [...members.areas, 'x', 'y']
			}
		);
		expect(six).toEqual({ ok: false, problems: { areas: 'too_many' } });
		expect(needsPayload({ ...mentee(), areas: [] }, members)).toEqual({
			ok: false,
			problems: { areas: 'none_chosen' }
		});
	});
});
