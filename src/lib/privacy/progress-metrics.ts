import type { Action } from '$lib/domain/action';
import type { AgendaItem } from '$lib/domain/agenda';
import { weekKeyOf } from '$lib/domain/calendar-date';
import type { Goal } from '$lib/domain/goal';
import type { Pair } from '$lib/domain/pair';
import type { Session } from '$lib/domain/session';
import { sessionDate } from '$lib/domain/session';
import type { Win } from '$lib/domain/win';
import type { MetricsPayload } from '$lib/protocol/metrics-payload';
import { metricsPayloadVersion } from '$lib/protocol/metrics-version';

/** Everything a device holds about one pair, as read from its database. */
export interface PairRecords {
	pair: Pair;
	sessions: readonly Session[];
	agendaItems: readonly AgendaItem[];
	goals: readonly Goal[];
	actions: readonly Action[];
	wins: readonly Win[];
}

const live = <T extends { deleted: 0 | 1 }>(records: readonly T[]) =>
	records.filter((r) => r.deleted === 0);

/**
 * The allowlist: the one place that decides what the scheme learns about a pair. It reads
 * counts, dates and durations and nothing else; no title, note, name or other text of the
 * pair's is read here, so none can leave the device through it.
 */
export function progressMetrics(
	records: PairRecords,
	ids: { uploadId: string; pair: string },
	now: Date
): MetricsPayload {
	const sessions = live(records.sessions);
	const agenda = live(records.agendaItems);
	const goals = live(records.goals);
	const actions = live(records.actions);
	const wins = live(records.wins);

	const held = sessions
		.filter((s) => s.status === 'held')
		.map((s) => ({ on: sessionDate(s), minutes: s.actualMinutes ?? s.plannedMinutes }))
		.sort((a, b) => a.on.localeCompare(b.on));

	const winWeeks = new Map<string, number>();
	for (const w of wins) {
		const week = weekKeyOf(w.wonOn);
		winWeeks.set(week, (winWeeks.get(week) ?? 0) + 1);
	}

	const activity = [
		...held.map((h) => h.on),
		...wins.map((w) => w.wonOn),
		...[...sessions, ...agenda, ...goals, ...actions].map((r) => r.updatedAt.slice(0, 10))
	].sort();

	return {
		uploadId: ids.uploadId,
		version: metricsPayloadVersion,
		generatedAt: now.toISOString(),
		pair: ids.pair,
		sessionsHeld: held,
		sessionsScheduled: sessions.filter((s) => s.status === 'scheduled').length,
		agendaItemsRaised: agenda.length,
		agendaItemsDiscussed: agenda.filter((i) => i.discussedInSessionId !== null).length,
		goalsSet: goals.length,
		goalsAchieved: goals.filter((g) => g.status === 'achieved').length,
		goalsDropped: goals.filter((g) => g.status === 'dropped').length,
		actionsOpen: actions.filter((a) => a.doneOn === null).length,
		actionsDone: actions.filter((a) => a.doneOn !== null).length,
		winsByWeek: [...winWeeks]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([week, count]) => ({ week, wins: count })),
		agreementOn: records.pair.agreement?.agreedOn ?? null,
		lastActivityOn: activity.at(-1) ?? null
	};
}
