import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { AppServer } from './app-server';

/**
 * Every row of every table the server stored, as text. Stops the server first: the embedded
 * database belongs to one process at a time. The caller starts it again if it needs it.
 */
export async function everyServerRow(app: AppServer): Promise<string> {
	await app.stop();
	const db = new PGlite(join(app.dataDir, 'pglite'));
	try {
		const tables = await db.query<{ name: string }>(
			`select table_schema || '.' || table_name as name from information_schema.tables
			 where table_schema not in ('pg_catalog', 'information_schema')`
		);
		const dumps: string[] = [];
		for (const { name } of tables.rows) {
			const rows = await db.query(`select * from ${name}`);
			// Binary columns (ciphertext) as base64, so a canary scan can look inside them.
			const text = JSON.stringify(rows.rows, (_key, value: unknown) =>
				value instanceof Uint8Array ? `bytea:${Buffer.from(value).toString('base64')}` : value
			);
			dumps.push(`${name}: ${text}`);
		}
		return dumps.join('\n');
	} finally {
		await db.close();
	}
}

/** Runs one query against the stopped server's database. */
export async function queryServer<T>(app: AppServer, sql: string): Promise<T[]> {
	await app.stop();
	const db = new PGlite(join(app.dataDir, 'pglite'));
	try {
		return (await db.query<T>(sql)).rows;
	} finally {
		await db.close();
	}
}
