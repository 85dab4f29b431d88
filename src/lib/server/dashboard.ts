import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { pairStatusOf, type PairStatus } from '$lib/domain/pair-lifecycle';
import { isStalling } from '$lib/domain/stalling';
import type { Database } from './db/open-database';
import { pairChannels, pairProgress, pairs, participants } from './db/schema';
import type { Scheme } from './schemes';

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

const sortValue: Record<DashboardColumn, (r: DashboardRow) => string | number> = {
	mentor: (r) => r.mentorName.toLocaleLowerCase(),
	mentee: (r) => r.menteeName.toLocaleLowerCase(),
	status: (r) => r.status,
	sessions: (r) => r.sessionsHeld,
	minutes: (r) => r.minutesHeld,
	lastMet: (r) => r.lastMetOn ?? '',
	goalsSet: (r) => r.goalsSet,
	goalsAchieved: (r) => r.goalsAchieved,
	wins: (r) => r.winsLogged,
	stalling: (r) => (r.stalling ? 1 : 0)
};

/** Every pair of a scheme with its merged progress: one indexed join, sorted in memory. */
export async function dashboardRows(
	db: Database,
	scheme: Scheme,
	today: string,
	sort: DashboardColumn = 'stalling',
	direction: SortDirection = 'desc'
): Promise<DashboardRow[]> {
	const mentor = alias(participants, 'mentor');
	const mentee = alias(participants, 'mentee');
	const rows = await db
		.select({
			pairId: pairs.id,
			menteeId: pairs.menteeId,
			mentorName: mentor.name,
			menteeName: mentee.name,
			status: pairs.status,
			channelEndedAt: pairChannels.endedAt,
			startsOn: pairs.startsOn,
			endsOn: pairs.endsOn,
			sessionsHeld: pairProgress.sessionsHeld,
			minutesHeld: pairProgress.minutesHeld,
			lastMetOn: pairProgress.lastMetOn,
			goalsSet: pairProgress.goalsSet,
			goalsAchieved: pairProgress.goalsAchieved,
			winsLogged: pairProgress.winsLogged
		})
		.from(pairs)
		.innerJoin(mentor, eq(mentor.id, pairs.mentorId))
		.innerJoin(mentee, eq(mentee.id, pairs.menteeId))
		.leftJoin(pairProgress, eq(pairProgress.pairId, pairs.id))
		.leftJoin(pairChannels, eq(pairChannels.pairId, pairs.id))
		.where(eq(pairs.schemeId, scheme.id));
	const value = sortValue[sort];
	const sign = direction === 'asc' ? 1 : -1;
	return rows
		.map(({ channelEndedAt, ...r }) => {
			const row = {
				...r,
				status: pairStatusOf(r.status, channelEndedAt),
				sessionsHeld: r.sessionsHeld ?? 0,
				minutesHeld: r.minutesHeld ?? 0,
				goalsSet: r.goalsSet ?? 0,
				goalsAchieved: r.goalsAchieved ?? 0,
				winsLogged: r.winsLogged ?? 0
			};
			return { ...row, stalling: isStalling(row, scheme.stallAfterWeeks, today) };
		})
		.sort((a, b) => {
			const x = value(a);
			const y = value(b);
			if (x !== y) return (x < y ? -1 : 1) * sign;
			return a.mentorName.localeCompare(b.mentorName) || a.pairId.localeCompare(b.pairId);
		});
}

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
