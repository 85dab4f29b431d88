import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, type CsvValue } from '$lib/domain/csv';

/** The file as a spreadsheet whose list separator is a comma reads it: quotes honoured. */
const commaView = (document: string): string[][] =>
	parse(document, { bom: true, relax_column_count: true });

/**
 * The file as a spreadsheet whose list separator is `;` (or tab) reads it: quotes count only at
 * the start of a field, so a quoted cell that is not first on its row is split inside.
 */
const separatorView = (document: string, delimiter: string): string[][] =>
	parse(document, { bom: true, delimiter, relax_quotes: true, relax_column_count: true });

/**
 * What a spreadsheet would run as a formula once it trims leading whitespace; a plain number
 * such as -2 is read as that number.
 */
const runsAsFormula = (field: string) =>
	!/^-?\d+(\.\d+)?$/.test(field) && /^\s*[=+\-@]/.test(field);

/** Each value a hostile or careless person might type, and the cell a spreadsheet then shows. */
const hostile: [typed: string, shown: string][] = [
	['Ann;=1+2', "Ann;'=1+2"],
	['@SUM(1)', "'@SUM(1)"],
	['-2+3', "'-2+3"],
	['"quoted"', '"quoted"'],
	['first line\r\n=1+2', "first line\r\n'=1+2"],
	['first\n+cmd|calc', "first\n'+cmd|calc"],
	['\t=1+2', "'\t'=1+2"],
	['\tTabbed', "'\tTabbed"],
	['\rCarriage', "'\rCarriage"],
	['  =HYPERLINK("http://evil.example","click")', '\'  =HYPERLINK("http://evil.example","click")'],
	['Ann;=1+2;x', "Ann;'=1+2;x"],
	['Jones, Ann', 'Jones, Ann'],
	['Two\nlines', 'Two\nlines']
];
const typed = hostile.map(([value]) => value);

/** Each value in the middle of a row, as the mentee's name is in the pairs CSV, and first. */
const rowsOf = (values: readonly CsvValue[]) =>
	values.flatMap((value) => [
		['Bethan', value, 'Ended', 3, -2],
		[value, 'Bethan']
	]);

describe('CSV for the coordinator', () => {
	it('quotes list separators, quotes and line breaks', () => {
		expect(csvCell('Jones, Ann')).toBe('"Jones, Ann"');
		expect(csvCell('Jones; Ann')).toBe('"Jones; Ann"');
		expect(csvCell('Jones\tAnn')).toBe('"Jones\tAnn"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
		expect(csvCell('Plain name')).toBe('Plain name');
		expect(csvCell(12)).toBe('12');
		expect(csvCell(null)).toBe('');
	});

	it('defuses text a spreadsheet would run as a formula, with a leading apostrophe', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+44 1234')).toBe("'+44 1234");
		expect(csvCell('@SUM(1)')).toBe("'@SUM(1)");
		expect(csvCell('-2+3')).toBe("'-2+3");
		expect(csvCell('  =1+2')).toBe("'  =1+2");
		expect(csvCell('\tTabbed')).toBe(`"'\tTabbed"`);
		expect(csvCell('\rCarriage')).toBe(`"'\rCarriage"`);
		// Where a `;` spreadsheet starts a field or a row inside the cell, too.
		expect(csvCell('Ann;=1+2')).toBe(`"Ann;'=1+2"`);
		expect(csvCell('first\n+cmd')).toBe(`"first\n'+cmd"`);
	});

	it('keeps numbers, negative ones included, as numbers', () => {
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(-0.25)).toBe('-0.25');
		const [row] = commaView(csvDocument([[-3, -0.25, '-3']]));
		expect(row).toEqual(['-3', '-0.25', "'-3"]);
	});

	it('reads back cell for cell in a spreadsheet using commas', () => {
		const rows = commaView(csvDocument(rowsOf(typed)));
		expect(rows).toEqual(
			hostile.flatMap(([, shown]) => [
				['Bethan', shown, 'Ended', '3', '-2'],
				[shown, 'Bethan']
			])
		);
	});

	it('leaves nothing to run in spreadsheets using commas, semicolons or tabs', () => {
		const document = csvDocument(rowsOf(typed));
		const views = [commaView(document), separatorView(document, ';')];
		views.push(separatorView(document, '\t'));
		for (const fields of views.map((rows) => rows.flat())) {
			expect(fields.length).toBeGreaterThan(hostile.length);
			expect(fields.filter(runsAsFormula)).toEqual([]);
		}
		// Unquoted, the semicolon view would have met "=1+2" as a field of its own.
		expect(separatorView(document, ';')[0]).toEqual(['Bethan,"Ann', `'=1+2",Ended,3,-2`]);
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
