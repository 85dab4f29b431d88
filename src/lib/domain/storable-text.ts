/**
 * Text any device may write and the server may store. PostgreSQL refuses a NUL inside text,
 * and a lone surrogate (half of an emoji, cut off by a careless paste) cannot be encoded as
 * UTF-8: both are refused alike, on the device as on the server, rather than silently changed.
 */
const unstorable = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
	return !unstorable.test(value);
}

export const unstorableTextProblem = 'holds a NUL character or a broken (lone surrogate) character';

/**
 * The path of the first string (or object key) in a parsed JSON value that could not be
 * stored, such as `sessions.0.place`; undefined when every string is storable.
 */
export function unstorableTextPath(value: unknown, path: string[] = []): string | undefined {
	if (typeof value === 'string')
		return isStorableText(value) ? undefined : path.join('.') || 'body';
	if (typeof value !== 'object' || value === null) return undefined;
	for (const [key, inner] of Object.entries(value)) {
		if (!isStorableText(key)) return [...path, '(a key)'].join('.');
		const found = unstorableTextPath(inner, [...path, key]);
		if (found !== undefined) return found;
	}
	return undefined;
}
