import { and, asc, eq } from 'drizzle-orm';
import type { SchemeInput } from '$lib/domain/scheme-inputs';
import type { Database } from './db/open-database';
import { schemeCoordinators, schemes } from './db/schema';

export type Scheme = typeof schemes.$inferSelect;

/** Creates a scheme run by the coordinator who asked for it. */
export async function createScheme(db: Database, userId: string, input: SchemeInput) {
	return db.transaction(async (tx) => {
		const [scheme] = await tx.insert(schemes).values(input).returning();
		await tx.insert(schemeCoordinators).values({ schemeId: scheme!.id, userId });
		return scheme!;
	});
}

export async function updateScheme(db: Database, schemeId: string, input: SchemeInput) {
	await db.update(schemes).set(input).where(eq(schemes.id, schemeId));
}

/** The schemes a coordinator runs, and nothing else. */
export async function schemesRunBy(db: Database, userId: string): Promise<Scheme[]> {
	const rows = await db
		.select({ scheme: schemes })
		.from(schemes)
		.innerJoin(schemeCoordinators, eq(schemeCoordinators.schemeId, schemes.id))
		.where(eq(schemeCoordinators.userId, userId))
		.orderBy(asc(schemes.name));
	return rows.map((r) => r.scheme);
}

/** The scheme if this coordinator runs it; undefined otherwise (a page then answers 404). */
export async function schemeRunBy(
	db: Database,
	userId: string,
	schemeId: string
): Promise<Scheme | undefined> {
	if (!isUuid(schemeId)) return undefined;
	const [row] = await db
		.select({ scheme: schemes })
		.from(schemes)
		.innerJoin(schemeCoordinators, eq(schemeCoordinators.schemeId, schemes.id))
		.where(and(eq(schemes.id, schemeId), eq(schemeCoordinators.userId, userId)));
	return row?.scheme;
}

export function isUuid(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
