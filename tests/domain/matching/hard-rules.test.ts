import { describe, expect, it } from 'vitest';
import { hardRuleBetween } from '$lib/domain/matching';
import { mentee, mentor, settings } from './matching-builders';

describe('the hard rules between a mentor and a mentee', () => {
	it('allows a pair nothing rules out', () => {
		expect(hardRuleBetween(mentor('m'), mentee('e'), settings())).toBe(null);
	});

	it('keeps a mentee away from the mentors they excluded', () => {
		const e = mentee('e', { excludedMentorIds: ['m'] });
		expect(hardRuleBetween(mentor('m'), e, settings())).toBe('excluded-by-mentee');
		expect(hardRuleBetween(mentor('n'), e, settings())).toBe(null);
	});

	it('never pairs two officers from one service area where the scheme separates them', () => {
		const rules = settings({ audience: 'officers', separateServiceAreas: true });
		const m = mentor('m', { serviceArea: 'Housing ' });
		expect(hardRuleBetween(m, mentee('e', { serviceArea: 'housing' }), rules)).toBe(
			'same-service-area'
		);
		expect(hardRuleBetween(m, mentee('e', { serviceArea: 'Planning' }), rules)).toBe(null);
		expect(hardRuleBetween(m, mentee('e', { serviceArea: null }), rules)).toBe(null);
		expect(
			hardRuleBetween(m, mentee('e', { serviceArea: 'Housing' }), {
				...rules,
				separateServiceAreas: false
			})
		).toBe(null);
	});

	it('excludes same-group or cross-party pairs in member schemes, when both groups are known', () => {
		const labour = mentor('m', { group: 'Labour' });
		const sameGroup = mentee('e', { group: ' labour' });
		const otherGroup = mentee('e', { group: 'Plaid Cymru' });
		const excludeSame = settings({ groupRule: 'exclude-same' });
		const excludeCross = settings({ groupRule: 'exclude-cross' });
		expect(hardRuleBetween(labour, sameGroup, excludeSame)).toBe('same-group-excluded');
		expect(hardRuleBetween(labour, otherGroup, excludeSame)).toBe(null);
		expect(hardRuleBetween(labour, otherGroup, excludeCross)).toBe('cross-party-excluded');
		expect(hardRuleBetween(labour, sameGroup, excludeCross)).toBe(null);
		expect(hardRuleBetween(labour, mentee('e'), excludeCross)).toBe(null);
		expect(hardRuleBetween(mentor('m'), otherGroup, excludeCross)).toBe(null);
		expect(hardRuleBetween(labour, otherGroup, { ...excludeCross, audience: 'officers' })).toBe(
			null
		);
	});

	it('honours a mentee asking not to be matched in their own group, where the scheme allows it', () => {
		const labour = mentor('m', { group: 'Labour' });
		const asks = mentee('e', { group: 'Labour', excludeOwnGroup: true });
		expect(hardRuleBetween(labour, asks, settings({ ownGroupExclusion: true }))).toBe(
			'own-group-excluded'
		);
		expect(hardRuleBetween(labour, asks, settings())).toBe(null);
		expect(
			hardRuleBetween(mentor('m', { group: 'Reform' }), asks, settings({ ownGroupExclusion: true }))
		).toBe(null);
	});

	it('turns a must into a rule, whatever its weight', () => {
		const must = mentee('e', {
			preferences: {
				gender: { value: 'Woman', strength: 'must' },
				role: { value: 'cabinet', strength: 'must' },
				experience: { value: 8, strength: 'must' }
			}
		});
		const rules = settings({ genderPreferences: true });
		const fits = mentor('m', { gender: ' woman ', roles: ['cabinet'], yearsExperience: 8 });
		expect(hardRuleBetween(fits, must, rules)).toBe(null);
		expect(hardRuleBetween({ ...fits, gender: 'Menyw' }, must, rules)).toBeNull();
		expect(hardRuleBetween({ ...fits, gender: 'man' }, must, rules)).toBe('must-gender');
		expect(hardRuleBetween({ ...fits, gender: null }, must, rules)).toBe('must-gender');
		expect(hardRuleBetween({ ...fits, roles: ['leader'] }, must, rules)).toBe('must-role');
		expect(hardRuleBetween({ ...fits, yearsExperience: 7 }, must, rules)).toBe('must-experience');
	});

	it('ignores a gender preference completely when the scheme has them off', () => {
		const must = mentee('e', {
			preferences: { gender: { value: 'woman', strength: 'must' }, role: null, experience: null }
		});
		expect(hardRuleBetween(mentor('m', { gender: 'man' }), must, settings())).toBe(null);
	});

	it("reads an officer's role preference as the mentor's level", () => {
		const rules = settings({ audience: 'officers' });
		const must = mentee('e', {
			preferences: {
				gender: null,
				role: { value: 'head-of-service', strength: 'must' },
				experience: null
			}
		});
		expect(hardRuleBetween(mentor('m', { level: 'head-of-service' }), must, rules)).toBe(null);
		expect(hardRuleBetween(mentor('m', { level: 'manager' }), must, rules)).toBe('must-role');
	});

	it('leaves a nice-to-have to the score', () => {
		const nice = mentee('e', {
			preferences: {
				gender: { value: 'woman', strength: 'nice' },
				role: { value: 'leader', strength: 'nice' },
				experience: { value: 30, strength: 'nice' }
			}
		});
		expect(hardRuleBetween(mentor('m'), nice, settings({ genderPreferences: true }))).toBe(null);
	});
});
