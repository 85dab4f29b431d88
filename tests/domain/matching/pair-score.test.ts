import { describe, expect, it } from 'vitest';
import { scorePair, type Criterion } from '$lib/domain/matching';
import { mentee, mentor, settings } from './matching-builders';

const weights = { areas: 10, gender: 4, role: 6, experience: 5, group: 3 };
const criteria = (score: { criteria: Criterion[] }, kind: Criterion['kind']) =>
	score.criteria.filter((c) => c.kind === kind);

describe('the score of a pair', () => {
	it('weighs ranked areas k..1, so the first area counts most', () => {
		const e = mentee('e', { areas: ['a', 'b', 'c', 'd'] });
		const firstAndLast = scorePair(mentor('m', { areas: ['d', 'a', 'x'] }), e, settings(), 1);
		// (4 + 1) of (4 + 3 + 2 + 1)
		expect(firstAndLast.criteria[0]).toEqual({
			kind: 'areas',
			shared: 2,
			of: 4,
			points: 5,
			max: 10
		});
		expect(firstAndLast.score).toBe(50);
		expect(scorePair(mentor('m', { areas: ['a'] }), e, settings(), 1).score).toBe(40);
		expect(scorePair(mentor('m', { areas: ['d'] }), e, settings(), 1).score).toBe(10);
		expect(scorePair(mentor('m', { areas: ['a', 'b', 'c', 'd'] }), e, settings(), 1).score).toBe(
			100
		);
	});

	it('always ends with the load the mentor would carry', () => {
		const score = scorePair(mentor('m', { capacity: 3 }), mentee('e'), settings(), 2);
		expect(score.criteria.at(-1)).toEqual({ kind: 'load', after: 2, capacity: 3 });
	});

	it('scores 0 when nothing counts', () => {
		const score = scorePair(mentor('m'), mentee('e'), settings(), 1);
		expect(score).toEqual({ score: 0, criteria: [{ kind: 'load', after: 1, capacity: 1 }] });
	});

	it('adds each met preference, must or nice, and counts missed ones against the maximum', () => {
		const e = mentee('e', {
			areas: ['a'],
			preferences: {
				gender: { value: 'Woman', strength: 'nice' },
				role: { value: 'cabinet', strength: 'must' },
				experience: { value: 10, strength: 'nice' }
			}
		});
		const m = mentor('m', {
			areas: ['a'],
			gender: 'woman',
			roles: ['cabinet'],
			yearsExperience: 4
		});
		const score = scorePair(m, e, settings({ weights, genderPreferences: true }), 1);
		expect(score.criteria).toEqual([
			{ kind: 'areas', shared: 1, of: 1, points: 10, max: 10 },
			{ kind: 'gender', met: true, strength: 'nice', points: 4, max: 4 },
			{ kind: 'role', value: 'cabinet', met: true, strength: 'must', points: 6, max: 6 },
			{ kind: 'experience', years: 4, asked: 10, met: false, strength: 'nice', points: 0, max: 5 },
			{ kind: 'load', after: 1, capacity: 1 }
		]);
		// 20 of 25
		expect(score.score).toBe(80);
	});

	it('leaves out a criterion the scheme weighs 0, and gender when preferences are off', () => {
		const e = mentee('e', {
			areas: ['a'],
			preferences: {
				gender: { value: 'woman', strength: 'nice' },
				role: { value: 'cabinet', strength: 'nice' },
				experience: null
			}
		});
		const off = settings({ weights: { ...weights, role: 0 }, genderPreferences: false });
		expect(criteria(scorePair(mentor('m'), e, off, 1), 'role')).toEqual([]);
		expect(criteria(scorePair(mentor('m'), e, off, 1), 'gender')).toEqual([]);
		expect(
			criteria(scorePair(mentor('m'), e, { ...off, genderPreferences: true }, 1), 'gender')
		).toHaveLength(1);
	});

	it('ignores a blank gender preference', () => {
		const e = mentee('e', {
			preferences: { gender: { value: '  ', strength: 'nice' }, role: null, experience: null }
		});
		const rules = settings({ weights, genderPreferences: true });
		expect(criteria(scorePair(mentor('m', { gender: '  ' }), e, rules, 1), 'gender')).toEqual([]);
	});

	it("matches an officer's role preference on the mentor's level", () => {
		const e = mentee('e', {
			preferences: { gender: null, role: { value: 'manager', strength: 'nice' }, experience: null }
		});
		const rules = settings({ audience: 'officers', weights });
		expect(scorePair(mentor('m', { level: 'manager' }), e, rules, 1).score).toBe(100);
		expect(
			scorePair(mentor('m', { level: 'officer', roles: ['manager'] }), e, rules, 1).score
		).toBe(0);
	});

	it('gives group points to pairs that fit a preferred group rule, when both groups are known', () => {
		const e = mentee('e', { group: 'Labour' });
		const same = mentor('m', { group: 'labour' });
		const cross = mentor('n', { group: 'Plaid Cymru' });
		const preferSame = settings({ weights, groupRule: 'prefer-same' });
		const preferCross = settings({ weights, groupRule: 'prefer-cross' });
		expect(criteria(scorePair(same, e, preferSame, 1), 'group')).toEqual([
			{ kind: 'group', same: true, rule: 'prefer-same', points: 3, max: 3 }
		]);
		expect(scorePair(cross, e, preferSame, 1).score).toBe(0);
		expect(scorePair(cross, e, preferCross, 1).score).toBe(100);
		expect(criteria(scorePair(mentor('x'), e, preferCross, 1), 'group')).toEqual([]);
		expect(criteria(scorePair(same, e, settings({ weights }), 1), 'group')).toEqual([]);
		expect(
			criteria(scorePair(same, e, { ...preferSame, audience: 'officers' }, 1), 'group')
		).toEqual([]);
	});

	it('rounds to a whole number from 0 to 100', () => {
		const e = mentee('e', { areas: ['a', 'b', 'c'] });
		// 2 of 6 rank points
		expect(scorePair(mentor('m', { areas: ['b'] }), e, settings(), 1).score).toBe(33);
		expect(scorePair(mentor('m', { areas: ['a', 'b'] }), e, settings(), 1).score).toBe(83);
	});
});
