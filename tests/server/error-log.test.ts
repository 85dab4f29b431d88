import { describe, expect, it, vi } from 'vitest';
import type { OpenDatabase } from '$lib/server/db/open-database';
import { schemes } from '$lib/server/db/schema';
import { describeError, describeRequestError } from '$lib/server/error-log';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const canary = 'CANARY-Mair-told-me-about-her-divorce';

/** Everything written to stdout and stderr while `run` runs, through the console or not. */
async function captureOutput(run: () => Promise<void> | void): Promise<string> {
	let written = '';
	const capture = (...chunks: unknown[]) => {
		written += chunks.map(String).join(' ') + '\n';
		return true;
	};
	const spies = [
		vi.spyOn(process.stdout, 'write').mockImplementation(capture),
		vi.spyOn(process.stderr, 'write').mockImplementation(capture),
		...(['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
			vi.spyOn(console, level).mockImplementation(capture)
		)
	];
	try {
		await run();
	} finally {
		for (const spy of spies) spy.mockRestore();
	}
	return written;
}

for (const backend of serverDatabaseBackends) {
	describe(`the server log on ${backend.name}`, () => {
		let open: OpenDatabase;
		useFreshDatabase(backend, (o) => (open = o));

		async function failingQuery(): Promise<unknown> {
			// A date PostgreSQL refuses, carrying the canary as a parameter of the query.
			return open.db
				.insert(schemes)
				.values({
					name: canary,
					organisation: canary,
					pilotStartsOn: `not-a-date ${canary}`,
					pilotEndsOn: '2026-10-31'
				})
				.then(
					() => undefined,
					(error: unknown) => error
				);
		}

		it(
			'names the route, the class, the PostgreSQL code and the frames of a failed query, never its values',
			async () => {
				const error = await failingQuery();
				// The error itself carries the canary: this is what must not reach the log.
				expect(String(error) + String((error as Error).cause)).toContain(canary);
				const line = describeRequestError(
					{ method: 'POST', routeId: '/api/v1/metrics' },
					500,
					error
				);
				expect(line).not.toContain(canary);
				expect(line).not.toContain('not-a-date');
				expect(line).toMatch(
					/^POST \/api\/v1\/metrics failed with 500: DrizzleQueryError caused by \w+ \[22007\]/
				);
				expect(line).toMatch(/\n\s+at .+/);
			},
			dbTimeout
		);

		it(
			'keeps the canary off stdout and stderr when a request fails through handleError',
			async () => {
				vi.resetModules();
				vi.doMock('$app/environment', () => ({ building: true }));
				vi.doMock('$lib/server/db', () => ({ database: vi.fn(), closeDatabase: vi.fn() }));
				vi.doMock('$lib/paraglide/server.js', () => ({ paraglideMiddleware: vi.fn() }));
				const { handleError } = await import('../../src/hooks.server');
				const error = await failingQuery();
				const written = await captureOutput(async () => {
					await handleError({
						error,
						status: 500,
						message: 'Internal Error',
						event: {
							request: new Request(`http://localhost/api/v1/metrics?note=${canary}`, {
								method: 'POST'
							}),
							route: { id: '/api/v1/metrics' },
							url: new URL(`http://localhost/api/v1/metrics?note=${canary}`)
						} as never
					});
				});
				expect(written).toContain('POST /api/v1/metrics failed with 500');
				expect(written).toContain('22007');
				expect(written).not.toContain(canary);
				vi.doUnmock('$app/environment');
				vi.doUnmock('$lib/server/db');
				vi.doUnmock('$lib/paraglide/server.js');
			},
			dbTimeout
		);
	});
}

describe('describing an error', () => {
	it('shows no message, even one spread over lines that look like stack frames', () => {
		const error = new Error(`params: ${canary}\n    at ${canary} (evil.js:1:1)`);
		const text = describeError(error);
		expect(text).not.toContain(canary);
		expect(text.split('\n')[0]).toBe('Error');
	});

	it('shows no frames of a stack whose message was changed after the error was made', () => {
		const error = new Error(`params: ${canary}\n    at ${canary} (x.js:1:1)`);
		error.message = 'Failed query';
		expect(describeError(error)).not.toContain(canary);
	});

	it('follows causes, keeping only constant codes', () => {
		const cause = Object.assign(new Error(canary), { code: 'ECONNREFUSED' });
		const wrapped = new TypeError(canary, { cause });
		expect(describeError(wrapped).split('\n')[0]).toBe('TypeError caused by Error [ECONNREFUSED]');
		const notACode = Object.assign(new Error('x'), { code: canary });
		expect(describeError(notACode)).not.toContain(canary);
	});
});
