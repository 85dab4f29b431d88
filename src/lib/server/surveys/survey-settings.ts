import { eq } from 'drizzle-orm';
import { defaultSurveyDefinitions, type CheckpointDefinition } from '$lib/domain/survey';
import type { Database } from '../db/open-database';
import { schemeSurveySettings } from '../db/schema';

/** The scheme's check-ins, or the defaults until the coordinator changes them. */
export async function surveyDefinitionsOf(
	db: Database,
	schemeId: string
): Promise<CheckpointDefinition[]> {
	const [row] = await db
		.select({ definitions: schemeSurveySettings.definitions })
		.from(schemeSurveySettings)
		.where(eq(schemeSurveySettings.schemeId, schemeId));
	return row?.definitions ?? structuredClone([...defaultSurveyDefinitions]);
}

/** Saves the scheme's check-ins (already checked by the settings form). */
export async function saveSurveyDefinitions(
	db: Database,
	schemeId: string,
	definitions: CheckpointDefinition[]
): Promise<void> {
	const row = { definitions, updatedAt: new Date() };
	await db
		.insert(schemeSurveySettings)
		.values({ schemeId, ...row })
		.onConflictDoUpdate({ target: schemeSurveySettings.schemeId, set: row });
}
