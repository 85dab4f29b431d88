import type { PairStatus } from '$lib/domain/pair-lifecycle';
export interface DashboardRow {
	pairId: string;
	menteeId: string;
	mentorName: string;
	menteeName: string;
	status: PairStatus;
	startsOn: string;
	endsOn: string | null;
	sessionsHeld: number;
	minutesHeld: number;
	lastMetOn: string | null;
	goalsSet: number;
	goalsAchieved: number;
	winsLogged: number;
	stalling: boolean;
}

export const dashboardColumns = [
	'mentor',
	'mentee',
	'status',
	'sessions',
	'minutes',
	'lastMet',
	'goalsSet',
	'goalsAchieved',
	'wins',
	'stalling'
] as const;

export type DashboardColumn = (typeof dashboardColumns)[number];

export type SortDirection = 'asc' | 'desc';

export interface DashboardTotals {
	pairs: number;
	active: number;
	paused: number;
	ended: number;
	stalling: number;
	sessionsHeld: number;
	minutesHeld: number;
	goalsSet: number;
	goalsAchieved: number;
	winsLogged: number;
}

export function dashboardTotals(rows: readonly DashboardRow[]): DashboardTotals {
	const totals: DashboardTotals = {
		pairs: rows.length,
		active: 0,
		paused: 0,
		ended: 0,
		stalling: 0,
		sessionsHeld: 0,
		minutesHeld: 0,
		goalsSet: 0,
		goalsAchieved: 0,
		winsLogged: 0
	};
	for (const r of rows) {
		totals[r.status]++;
		if (r.stalling) totals.stalling++;
		totals.sessionsHeld += r.sessionsHeld;
		totals.minutesHeld += r.minutesHeld;
		totals.goalsSet += r.goalsSet;
		totals.goalsAchieved += r.goalsAchieved;
		totals.winsLogged += r.winsLogged;
	}
	return totals;
}
