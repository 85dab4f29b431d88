import { weekMonday, type CalendarDate } from '$lib/domain/calendar-date';

/** One member's latest report, as stored. */
export interface MemberReport {
	sessionsHeld: readonly { on: string; minutes: number }[];
	winsByWeek: readonly { week: string; wins: number }[];
	sessionsScheduled: number;
	goalsSet: number;
	goalsAchieved: number;
	agreementOn: string | null;
	lastActivityOn: string | null;
}

export interface PairProgress {
	sessionsHeld: number;
	minutesHeld: number;
	lastMetOn: string | null;
	sessionsScheduled: number;
	goalsSet: number;
	goalsAchieved: number;
	winsLogged: number;
	agreementOn: string | null;
	lastActivityOn: string | null;
}

const latest = (dates: (string | null)[]) =>
	dates
		.filter((d): d is string => d !== null)
		.sort()
		.at(-1) ?? null;

/**
 * A member's report as far as the pair's last day: a session held, a week of wins begun or an
 * activity dated after the pair ended does not count for the scheme, whenever it was sent.
 * Null for a pair that has not ended, which counts everything.
 */
export function reportUntil<R extends MemberReport>(report: R, lastDay: CalendarDate | null): R {
	if (lastDay === null) return report;
	const { lastActivityOn } = report;
	return {
		...report,
		sessionsHeld: report.sessionsHeld.filter((s) => s.on <= lastDay),
		winsByWeek: report.winsByWeek.filter((w) => weekMonday(w.week) <= lastDay),
		lastActivityOn: lastActivityOn !== null && lastActivityOn > lastDay ? lastDay : lastActivityOn
	};
}

/**
 * Until the pair link shares one record set, each member keeps their own: the mentor may log a
 * session the mentee did not. The scheme sees the fuller picture without double counting: a
 * session both logged on the same day is one session (the longer length counts).
 */
export function mergedSessions(
	reports: readonly MemberReport[]
): { on: string; minutes: number }[] {
	const sessions = new Map<string, number>();
	for (const r of reports) {
		for (const s of r.sessionsHeld) {
			sessions.set(s.on, Math.max(sessions.get(s.on) ?? 0, s.minutes));
		}
	}
	return [...sessions].map(([on, minutes]) => ({ on, minutes }));
}

/** Wins week by week: a week both members logged counts at the larger of their two counts. */
export function mergedWinWeeks(reports: readonly MemberReport[]): { week: string; wins: number }[] {
	const weeks = new Map<string, number>();
	for (const r of reports) {
		for (const w of r.winsByWeek) weeks.set(w.week, Math.max(weeks.get(w.week) ?? 0, w.wins));
	}
	return [...weeks].filter(([, wins]) => wins > 0).map(([week, wins]) => ({ week, wins }));
}

/** Both members' reports as one: sessions merged as above, and each count the larger of the two. */
export function mergeReports(reports: readonly MemberReport[]): PairProgress {
	const sessions = mergedSessions(reports);
	const max = (pick: (r: MemberReport) => number) => Math.max(0, ...reports.map(pick));
	return {
		sessionsHeld: sessions.length,
		minutesHeld: sessions.reduce((sum, s) => sum + s.minutes, 0),
		lastMetOn: latest(sessions.map((s) => s.on)),
		sessionsScheduled: max((r) => r.sessionsScheduled),
		goalsSet: max((r) => r.goalsSet),
		goalsAchieved: max((r) => r.goalsAchieved),
		winsLogged: max((r) => r.winsByWeek.reduce((sum, w) => sum + w.wins, 0)),
		agreementOn: latest(reports.map((r) => r.agreementOn)),
		lastActivityOn: latest(reports.map((r) => r.lastActivityOn))
	};
}
