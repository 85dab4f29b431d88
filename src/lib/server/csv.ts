/**
 * One CSV cell. Quotes what needs quoting, and defuses text a spreadsheet would run as a
 * formula (a name such as "=HYPERLINK(...)" typed into an invitation).
 */
export function csvCell(value: string | number | boolean | null): string {
	if (value === null) return '';
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document with Windows line endings and a byte-order mark, as Excel expects. */
export function csvDocument(
	rows: readonly (readonly (string | number | boolean | null)[])[]
): string {
	return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
