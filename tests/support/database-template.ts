import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '$lib/server/db/open-database';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A closed, migrated PGlite data directory that tests copy instead of running initdb. */
		pgliteTemplate: string;
	}
}

/**
 * Vitest global setup: creating an embedded database runs initdb in WebAssembly (about 3 s
 * here), copying a migrated one takes a tenth of that, and the server tests need sixty.
 */
export default async function setup(project: TestProject) {
	const template = mkdtempSync(join(tmpdir(), 'tandem-db-template-'));
	const open = await openDatabase({ location: template, migrationsFolder: 'drizzle' });
	await open.close();
	project.provide('pgliteTemplate', template);
	return () => rmSync(template, { recursive: true, force: true });
}
