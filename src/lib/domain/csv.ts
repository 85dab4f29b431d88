export type CsvValue = string | number | boolean | null;

/** What makes a spreadsheet split a cell, in any locale: a list separator or a line break. */
const needsQuotes = /[",;\t\r\n]/;
/**
 * OWASP's formula triggers (`=`, `+`, `-`, `@`) after any spaces, at the start of a cell and
 * after each `;`, tab or line break in it: a spreadsheet whose list separator is `;` honours
 * quotes only at the start of a field, so inside a quoted cell that is not first on its row
 * each of these starts a new field or row.
 */
const formulaStart = /(^|[;\t\r\n])([^\S\t\r\n]*[=+\-@])/g;
/** OWASP's other two: a cell starting with a tab or a carriage return. */
const controlStart = /^[\t\r]/;

/**
 * One CSV cell. Text is always text: whatever a spreadsheet could read as the start of a
 * formula (a name such as "=HYPERLINK(...)" typed into an invitation, a comment shared with
 * the coordinator) gets an apostrophe, and anything a spreadsheet could split is quoted.
 * Numbers are written as numbers, so a real negative figure stays one.
 */
export function csvCell(value: CsvValue): string {
	if (value === null) return '';
	if (typeof value !== 'string') return String(value);
	let text = value.replace(formulaStart, "$1'$2");
	if (controlStart.test(text)) text = `'${text}`;
	return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document with Windows line endings and a byte-order mark, as Excel expects. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
