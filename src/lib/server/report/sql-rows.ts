import type { SQL } from 'drizzle-orm';
import type { Database } from '../db/open-database';

/**
 * The rows of a hand-written aggregate query. PGlite answers `{ rows }` and postgres.js an
 * array; every figure is cast in SQL (::int, ::float8, ::text) so both give the same values.
 */
export async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
	const result: unknown = await db.execute(query);
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
