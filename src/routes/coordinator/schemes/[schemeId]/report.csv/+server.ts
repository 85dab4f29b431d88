import { toCalendarDate } from '$lib/domain/calendar-date';
import { reportKindOf } from '$lib/domain/report-period';
import { coordinatedScheme } from '$lib/server/coordinator-session';
import { database } from '$lib/server/db';
import { evaluationReport } from '$lib/server/report/evaluation-report';
import { reportCsv } from '$lib/i18n/report-csv';
import { fileSafe } from '$lib/server/file-names';
import type { RequestHandler } from './$types';

/** The evaluation report's figures as a spreadsheet, in the coordinator's language. */
export const GET: RequestHandler = async (event) => {
	const { scheme } = await coordinatedScheme(event);
	const { db } = await database();
	const kind = reportKindOf(event.url.searchParams);
	const today = toCalendarDate(new Date());
	const report = await evaluationReport(db, scheme, kind, today);
	const document = reportCsv(report, {
		scheme: scheme.name,
		organisation: scheme.organisation,
		generatedOn: today
	});
	return new Response(document, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileSafe(scheme.name)}-${kind}-report.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
