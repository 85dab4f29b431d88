/**
 * What someone typed, to put back into a form that failed: text fields only, and never a
 * password.
 */
export function typedValues(input: Record<string, FormDataEntryValue>): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of Object.entries(input))
		if (typeof value === 'string' && !/password/i.test(key)) values[key] = value;
	return values;
}
