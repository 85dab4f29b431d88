import { toCalendarDate } from '$lib/domain/calendar-date';
import { columnText } from '$lib/i18n/dashboard-text';
import { pairStatusText } from '$lib/i18n/pair-status-text';
import { coordinatedScheme } from '$lib/server/coordinator-session';
import { csvDocument } from '$lib/domain/csv';
import { dashboardRows } from '$lib/server/dashboard';
import { database } from '$lib/server/db';
import { fileSafe } from '$lib/server/file-names';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

/** The dashboard's pairs as a spreadsheet, headed in the coordinator's language. */
export const GET: RequestHandler = async (event) => {
	const { scheme } = await coordinatedScheme(event);
	const { db } = await database();
	const rows = await dashboardRows(db, scheme, toCalendarDate(new Date()));
	const document = csvDocument([
		[
			columnText('mentor'),
			columnText('mentee'),
			columnText('status'),
			m.coord_col_starts(),
			m.coord_col_ends(),
			columnText('sessions'),
			columnText('minutes'),
			columnText('lastMet'),
			columnText('goalsSet'),
			columnText('goalsAchieved'),
			columnText('wins'),
			columnText('stalling')
		],
		...rows.map((r) => [
			r.mentorName,
			r.menteeName,
			pairStatusText(r.status),
			r.startsOn,
			r.endsOn,
			r.sessionsHeld,
			r.minutesHeld,
			r.lastMetOn,
			r.goalsSet,
			r.goalsAchieved,
			r.winsLogged,
			r.stalling ? m.coord_yes() : m.coord_no()
		])
	]);
	return new Response(document, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileSafe(scheme.name)}-pairs.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
