import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '$lib/server/csv';

describe('CSV for the coordinator', () => {
	it('quotes commas, quotes and line breaks', () => {
		expect(csvCell('Jones, Ann')).toBe('"Jones, Ann"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell(12)).toBe('12');
		expect(csvCell(null)).toBe('');
	});

	it('defuses text a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+44 1234')).toBe("'+44 1234");
		expect(csvCell(-3)).toBe('-3');
	});

	it('starts with a byte-order mark and ends lines as Excel expects', () => {
		expect(
			csvDocument([
				['a', 1],
				['b', 2]
			])
		).toBe('\uFEFFa,1\r\nb,2\r\n');
	});
});
