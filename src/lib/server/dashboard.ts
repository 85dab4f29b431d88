import type {
	DashboardColumn,
	DashboardRow,
	SortDirection
} from '$lib/protocol/coordinator/dashboard';
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { pairStatusOf } from '$lib/domain/pair-lifecycle';
import { isStalling } from '$lib/domain/stalling';
import type { Database } from './db/open-database';
import { pairChannels, pairProgress, pairs, participants } from './db/schema';
import type { Scheme } from './schemes';

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
