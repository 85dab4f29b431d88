import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from './db/open-database';
import { serverSettings } from './db/schema';

/**
 * A secret every app server on this database agrees on, made by whichever starts first. It
 * lets `npm start` work with no configuration; AUTH_SECRET overrides it.
 */
export async function sharedSecret(db: Database, key: string): Promise<string> {
	await db
		.insert(serverSettings)
		.values({ key, value: randomBytes(32).toString('base64url') })
		.onConflictDoNothing();
	const [row] = await db.select().from(serverSettings).where(eq(serverSettings.key, key));
	if (!row) throw new Error(`The shared secret ${key} could not be stored`);
	return row.value;
}
