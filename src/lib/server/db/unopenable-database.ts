import { listSnapshots, snapshotsDirOf } from './snapshots.js';

/**
 * The embedded database is there but PGlite cannot open it (it normally recovers from an
 * unclean stop by itself; this is what it could not recover). The message tells the operator
 * what happened and how to restore; the directory has been left exactly as it was.
 */
export class UnopenableDatabaseError extends Error {
	name = 'UnopenableDatabaseError';
	/** EX_DATAERR: starting again will fail the same way until the directory is restored. */
	exitCode = 65;

	private constructor(message: string, cause: unknown) {
		super(message, { cause });
	}

	static async describe(databaseDir: string, cause: unknown): Promise<UnopenableDatabaseError> {
		const copies = await listSnapshots(databaseDir).catch(() => []);
		const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
		const lines = [
			`Tandem cannot open its embedded database in ${databaseDir}.`,
			`PGlite stopped with: ${reason.split('\n')[0]}`,
			'Nothing in that directory has been changed.',
			'',
			copies.length > 0
				? [
						`Tandem keeps a copy of the database from each clean start, in ${snapshotsDirOf(databaseDir)}:`,
						...copies.map((name) => `  ${name}`),
						'To put the newest back (the damaged directory is moved aside, not deleted), run',
						'  npm run db:restore',
						'or name another: npm run db:restore -- <name>.'
					].join('\n')
				: 'There is no automatic copy of it to restore (copies are taken at each clean start).',
			'You can also restore the directory from your own backup, with the server stopped.'
		];
		return new UnopenableDatabaseError(lines.join('\n'), cause);
	}
}
