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
 * Until the pair link shares one record set, each member keeps their own: the mentor may log a
 * session the mentee did not. The scheme sees the fuller picture without double counting: a
 * session both logged on the same day is one session (the longer length counts), and each
 * count is the larger of the two.
 */
export function mergeReports(reports: readonly MemberReport[]): PairProgress {
	const sessions = new Map<string, number>();
	for (const r of reports) {
		for (const s of r.sessionsHeld) {
			sessions.set(s.on, Math.max(sessions.get(s.on) ?? 0, s.minutes));
		}
	}
	const max = (pick: (r: MemberReport) => number) => Math.max(0, ...reports.map(pick));
	return {
		sessionsHeld: sessions.size,
		minutesHeld: [...sessions.values()].reduce((sum, m) => sum + m, 0),
		lastMetOn: latest([...sessions.keys()]),
		sessionsScheduled: max((r) => r.sessionsScheduled),
		goalsSet: max((r) => r.goalsSet),
		goalsAchieved: max((r) => r.goalsAchieved),
		winsLogged: max((r) => r.winsByWeek.reduce((sum, w) => sum + w.wins, 0)),
		agreementOn: latest(reports.map((r) => r.agreementOn)),
		lastActivityOn: latest(reports.map((r) => r.lastActivityOn))
	};
}
