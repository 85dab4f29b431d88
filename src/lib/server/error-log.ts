/**
 * What the server may write to its log about an error. Messages are never logged: Drizzle's
 * carry the query's parameters (people's words), PostgreSQL's detail repeats the values, and a
 * URL carries its query string. Only the class, an error code, and where it was thrown.
 */

const maxFrames = 20;
const maxCauses = 4;

function className(error: unknown): string {
	if (!(error instanceof Error)) return error === null ? 'null' : typeof error;
	const name = error.constructor?.name ?? '';
	if (name.length > 2) return name;
	// A minified class (PGlite's bundle): its database errors carry a severity.
	return 'severity' in error ? 'DatabaseError' : error.name || 'Error';
}

/** A PostgreSQL SQLSTATE (23505) or a system error code (ECONNREFUSED): constants, never data. */
function errorCode(error: unknown): string | undefined {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : undefined;
}

/**
 * The stack's frames without the message above them. The stack begins with exactly
 * `String(error)` (class and message, over as many lines as the message has); when it does not
 * (a message changed after the error was made), no frame is shown rather than risk the message.
 */
function stackFrames(error: unknown): string[] {
	if (!(error instanceof Error) || typeof error.stack !== 'string') return [];
	const head = String(error);
	if (!error.stack.startsWith(head)) return ['    (stack not shown: its message was changed)'];
	return error.stack
		.slice(head.length)
		.split('\n')
		.filter((line) => /^\s+at /.test(line))
		.slice(0, maxFrames);
}

/** One line naming the error and its causes, then its stack frames. */
export function describeError(error: unknown): string {
	const chain: string[] = [];
	let current: unknown = error;
	for (let depth = 0; current !== undefined && depth < maxCauses; depth++) {
		const code = errorCode(current);
		chain.push(code ? `${className(current)} [${code}]` : className(current));
		current = current instanceof Error ? current.cause : undefined;
	}
	return [chain.join(' caused by '), ...stackFrames(error)].join('\n');
}

/** A failed request, by its method and route (the route's pattern, never the URL). */
export function describeRequestError(
	request: { method: string; routeId: string | null },
	status: number,
	error: unknown
): string {
	return `${request.method} ${request.routeId ?? '(no route)'} failed with ${status}: ${describeError(error)}`;
}
