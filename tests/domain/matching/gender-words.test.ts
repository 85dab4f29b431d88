import { describe, expect, it } from 'vitest';
import { genderKey } from '$lib/domain/matching/gender-words';

describe('self-described gender across English and Welsh', () => {
	it('treats the suggested words of both languages as one gender', () => {
		expect(genderKey('Menyw')).toBe(genderKey('Woman'));
		expect(genderKey(' dyn ')).toBe(genderKey('MAN'));
		expect(genderKey('Anneuaidd')).toBe(genderKey('non-binary'));
	});

	it('keeps other words as written, ignoring case and spacing', () => {
		expect(genderKey('Genderqueer  person')).toBe('genderqueer person');
		expect(genderKey('Woman')).not.toBe(genderKey('Man'));
	});
});
