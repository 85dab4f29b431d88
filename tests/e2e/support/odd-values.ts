import fc from 'fast-check';

/**
 * Input that fits a schema's shape but not reality: what a careless paste, a broken client or
 * someone probing the server sends. Strings that no server may store (NUL, lone surrogates)
 * must be refused; the rest must be refused or stored, never crash anything.
 */
export const unstorable = ['a\u0000b', '\ud800', 'x\udc00y', 'end\ud83d'];

const readable = [
	'\u202eevil\u202c',
	'e\u0301\u0301\u0301\u0301',
	'w'.repeat(10_000),
	'',
	'   ',
	'-1',
	'1e309',
	'<script>alert(1)</script>',
	'=1+2;@SUM(A1)',
	'💥'.repeat(300)
];

/** Timestamps and dates that `Date` misreads, rolls over, or that no real clock shows. */
export const oddTimes = [
	'2026-01-01T00:00:00 +01',
	'0000-01-01T00:00:00Z',
	'2026-02-31T00:00:00Z',
	'9999-12-31T23:59:59Z',
	'2026-13-01T00:00:00Z',
	'2026-01-01T24:00:00Z',
	'2026-01-01',
	'0000-01-01',
	'2026-02-31',
	'9999-12-31',
	'2026-W60'
];

export const oddString = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...unstorable, ...readable, ...oddTimes) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{
		weight: 1,
		arbitrary: fc
			.tuple(
				fc.string({ maxLength: 10 }),
				fc.constantFrom(...unstorable),
				fc.string({ maxLength: 10 })
			)
			.map((parts) => parts.join(''))
	}
);

/** Anything at all where a value belongs, odd strings weighted most. */
export const oddValue = fc.oneof(
	{ weight: 4, arbitrary: oddString },
	{
		weight: 1,
		arbitrary: fc.oneof(
			fc.integer(),
			fc.double(),
			fc.boolean(),
			fc.constant(null),
			fc.array(oddString, { maxLength: 3 })
		)
	}
);

export const isUnstorable = (value: unknown) =>
	typeof value === 'string' &&
	/\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);

/** Every path to a value in a JSON body, such as `sessionsHeld.0.on`. */
export function leafPaths(value: unknown, path: string[] = []): string[][] {
	if (typeof value !== 'object' || value === null) return [path];
	const entries = Object.entries(value);
	if (entries.length === 0) return [path];
	return entries.flatMap(([key, inner]) => leafPaths(inner, [...path, key]));
}

/** A copy of `body` with the value at `path` replaced. */
export function withValue(body: unknown, path: string[], value: unknown): unknown {
	if (path.length === 0) return value;
	const copy = structuredClone(body) as Record<string, unknown>;
	let at = copy;
	for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
	at[path.at(-1)!] = value;
	return copy;
}
