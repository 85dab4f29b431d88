import { systemClock } from './clock';
import { TandemDb } from './db';
import { createRepositories, type Repositories } from './repositories';

let repositories: Repositories | undefined;

/** The device's repositories, opened on first use in the browser. */
export function local(): Repositories {
	if (!repositories) {
		const db = new TandemDb();
		// Another tab is upgrading the schema: step aside and come back on the new version.
		db.on('versionchange', () => {
			db.close();
			location.reload();
		});
		repositories = createRepositories(db, systemClock);
	}
	return repositories;
}

export { StorageFullError } from './storage-full';
export type { Repositories } from './repositories';
