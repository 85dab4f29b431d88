import { describe, expect, it } from 'vitest';
import { mentorIdsNamed, nameKey } from '$lib/domain/matching/person-names';

const mentors = [
	{ id: 'm1', name: 'Siân Jones' },
	{ id: 'm2', name: "Dafydd O'Brien" },
	{ id: 'm3', name: 'Rhys Evans' },
	{ id: 'm4', name: 'rhys  evans' }
];

describe('a name a mentee typed', () => {
	it('ignores case, accents, apostrophe styles and spacing', () => {
		expect(nameKey('  SIAN   jones ')).toBe(nameKey('Siân Jones'));
		expect(nameKey('Dafydd O’Brien')).toBe(nameKey("Dafydd O'Brien"));
		expect(nameKey('Zoë\tBrown')).toBe('zoe brown');
	});

	it('finds the mentors it names, and only those', () => {
		expect(mentorIdsNamed(['sian jones'], mentors)).toEqual(['m1']);
		expect(mentorIdsNamed(['Dafydd O’Brien', 'Nobody Here'], mentors)).toEqual(['m2']);
		expect(mentorIdsNamed(['Sian'], mentors)).toEqual([]);
		expect(mentorIdsNamed(['', '   '], mentors)).toEqual([]);
	});

	it('excludes every mentor who shares the name', () => {
		expect(mentorIdsNamed(['Rhys Evans'], mentors)).toEqual(['m3', 'm4']);
	});
});
