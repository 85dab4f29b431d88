import type { EvaluationReport } from '$lib/protocol/coordinator/report';
import type { CalendarDate } from '$lib/domain/calendar-date';
import { reportPeriod, type ReportKind, type ReportPeriod } from '$lib/domain/report-period';
import type { Database } from '../db/open-database';
import { matchingSettingsOf } from '../matching/matching-settings';
import type { Scheme } from '../schemes';
import { activityFigures } from './activity-figures';
import { checkInFigures } from './check-in-figures';
import { pairFigures } from './pair-figures';
import { participationFigures } from './participation-figures';
import { reportScope } from './report-scope';
import { shownReport, type RawReport } from './shown-report';

/** Every figure of a report before suppression: for the tests, and for `evaluationReport`. */
export async function rawReport(
	db: Database,
	scheme: Scheme,
	kind: ReportKind,
	today: CalendarDate
): Promise<RawReport & { period: ReportPeriod; asOf: CalendarDate }> {
	const period = reportPeriod(scheme, kind);
	const scope = reportScope(scheme, period, today);
	// One after another: PGlite answers one query at a time anyway.
	const pairs = await pairFigures(db, scope);
	const activity = await activityFigures(db, scope);
	const checkIns = await checkInFigures(db, scope);
	const participation = await participationFigures(db, scope);
	const { audience } = await matchingSettingsOf(db, scheme.id);
	return { period, asOf: scope.asOf, audience, pairs, activity, checkIns, participation };
}

/** A scheme's pilot or review report, as the page and the CSV show it. */
export async function evaluationReport(
	db: Database,
	scheme: Scheme,
	kind: ReportKind,
	today: CalendarDate
): Promise<EvaluationReport> {
	const raw = await rawReport(db, scheme, kind, today);
	return { period: raw.period, asOf: raw.asOf, figures: shownReport(raw) };
}
