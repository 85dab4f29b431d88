import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsFolder } from './server-databases';

/** The migrations as they stood before `tag`: a database made with them is an older release's. */
export function migrationsBefore(tag: string): string {
	const folder = mkdtempSync(join(tmpdir(), 'tandem-migrations-'));
	cpSync(migrationsFolder, folder, { recursive: true });
	const journalFile = join(folder, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
		entries: { idx: number; tag: string }[];
	};
	const cut = journal.entries.findIndex((e) => e.tag === tag);
	for (const later of journal.entries.slice(cut)) rmSync(join(folder, `${later.tag}.sql`));
	journal.entries = journal.entries.slice(0, cut);
	writeFileSync(journalFile, JSON.stringify(journal));
	return folder;
}
