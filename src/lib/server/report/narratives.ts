import { and, eq } from 'drizzle-orm';
import type { ReportKind } from '$lib/domain/report-period';
import type { Database } from '../db/open-database';
import { reportNarratives } from '../db/schema';

/** The coordinator's own words for a report, or '' before any are saved. */
export async function narrativeOf(
	db: Database,
	schemeId: string,
	report: ReportKind
): Promise<string> {
	const [row] = await db
		.select({ text: reportNarratives.text })
		.from(reportNarratives)
		.where(and(eq(reportNarratives.schemeId, schemeId), eq(reportNarratives.report, report)));
	return row?.text ?? '';
}

/** Saves the narrative, replacing the last: saving the same words again changes nothing else. */
export async function saveNarrative(
	db: Database,
	schemeId: string,
	report: ReportKind,
	text: string,
	userId: string
): Promise<void> {
	const values = { text, updatedAt: new Date(), updatedBy: userId };
	await db
		.insert(reportNarratives)
		.values({ schemeId, report, ...values })
		.onConflictDoUpdate({
			target: [reportNarratives.schemeId, reportNarratives.report],
			set: values
		});
}
