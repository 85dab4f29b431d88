import { afterEach, beforeEach } from 'vitest';

/** Sets LIMIT_* (or other) variables for each test of a file, as an operator would, and puts them back. */
export function withSettings(settings: Record<string, string>): void {
	const before: Record<string, string | undefined> = {};
	beforeEach(() => {
		for (const [name, value] of Object.entries(settings)) {
			before[name] = process.env[name];
			process.env[name] = value;
		}
	});
	afterEach(() => {
		for (const name of Object.keys(settings)) {
			if (before[name] === undefined) delete process.env[name];
			else process.env[name] = before[name];
		}
	});
}
