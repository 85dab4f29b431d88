import type { Session } from '$lib/domain/session';
import { m } from '$lib/paraglide/messages.js';
import { download } from './download';

/** Saves sessions as an .ics file; the calendar library loads only when someone asks for it. */
export async function downloadSessions(
	sessions: readonly Session[],
	partnerName: string,
	filename: string
): Promise<void> {
	const { sessionsToIcs } = await import('$lib/domain/session-calendar');
	const ics = sessionsToIcs(sessions, {
		summary: m.calendar_summary({ name: partnerName }),
		calendarName: m.app_name()
	});
	download(filename, 'text/calendar', ics);
}
