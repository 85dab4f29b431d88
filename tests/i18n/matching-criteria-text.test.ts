import { afterEach, describe, expect, it } from 'vitest';
import type { Criterion } from '$lib/domain/matching/types';
import { criteriaText } from '$lib/i18n/matching-criteria-text';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';

const english = getLocale;
const speak = (locale: 'en' | 'cy') => overwriteGetLocale(() => locale);

const criteria: Criterion[] = [
	{ kind: 'areas', shared: 3, of: 4, points: 3.75, max: 5 },
	{ kind: 'gender', met: true, strength: 'nice', points: 2, max: 2 },
	{ kind: 'role', value: 'cabinet', met: true, strength: 'must', points: 3, max: 3 },
	{
		kind: 'experience',
		years: 12,
		asked: 5,
		met: true,
		strength: 'nice',
		points: 2,
		max: 2
	},
	{ kind: 'group', same: false, rule: 'prefer-cross', points: 2, max: 2 },
	{ kind: 'load', after: 2, capacity: 3 }
];

describe('the explanation of a proposal', () => {
	afterEach(() => overwriteGetLocale(english));

	it('says each criterion in plain words, with the points it earned', () => {
		speak('en');
		expect(criteriaText(criteria)).toEqual([
			'Areas in common: 3 of 4 – 3.8 of 5 points',
			'Preferred gender – 2 of 2 points',
			'Role asked for: Cabinet member or portfolio holder (a must) – 3 of 3 points',
			'Years of experience: 12 (asked for 5 or more) – 2 of 2 points',
			'Different political groups – 2 of 2 points',
			'Mentor’s places filled with this match: 2 of 3'
		]);
	});

	it('says when a nice-to-have was missed, and leaves out points a criterion cannot earn', () => {
		speak('en');
		expect(
			criteriaText([
				{ kind: 'gender', met: false, strength: 'nice', points: 0, max: 2 },
				{ kind: 'role', value: 'manager', met: false, strength: 'nice', points: 0, max: 0 },
				{ kind: 'group', same: true, rule: 'prefer-same', points: 2, max: 2 }
			])
		).toEqual([
			'Not the preferred gender – 0 of 2 points',
			'Not the role asked for: Manager',
			'Same political group – 2 of 2 points'
		]);
	});

	it('speaks Welsh to a Welsh reader', () => {
		speak('cy');
		expect(criteriaText([criteria[0]!, criteria[2]!, criteria[5]!])).toEqual([
			'Meysydd yn gyffredin: 3 o 4 – 3.8 o 5 pwynt',
			'Y rôl y gofynnwyd amdani: Aelod cabinet neu ddeiliad portffolio (hanfodol) – 3 o 3 pwynt',
			'Lleoedd y mentor wedi’u llenwi gyda’r paru hwn: 2 o 3'
		]);
	});

	it('is empty for no criteria', () => {
		expect(criteriaText([])).toEqual([]);
	});
});
