import type { CalendarDate } from './calendar-date';
import type { RecordEnvelope } from './record';

/** The outcomes mentoring schemes see most often; "other" keeps the list honest. */
export const goalOutcomes = [
	'learning_ropes',
	'new_role',
	'new_skill',
	'leadership',
	'promotion',
	'challenge',
	'other'
] as const;
export type GoalOutcome = (typeof goalOutcomes)[number];

export const goalStatuses = ['active', 'achieved', 'paused', 'dropped'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export interface Milestone {
	id: string;
	text: string;
	doneOn: CalendarDate | null;
}

export interface Goal extends RecordEnvelope {
	pairId: string;
	title: string;
	outcome: GoalOutcome;
	why: string;
	successLooksLike: string;
	targetDate: CalendarDate | null;
	status: GoalStatus;
	/** Used only while a goal has no milestones; with milestones progress is counted from them. */
	manualProgress: number;
	milestones: Milestone[];
}

/** Progress in percent: achieved goals are complete, milestones count when there are any. */
export function goalProgress(goal: Pick<Goal, 'status' | 'manualProgress' | 'milestones'>): number {
	if (goal.status === 'achieved') return 100;
	if (goal.milestones.length === 0) return goal.manualProgress;
	const done = goal.milestones.filter((m) => m.doneOn !== null).length;
	return Math.round((done / goal.milestones.length) * 100);
}

/** Goals in progress come first, nearest target date first, then the rest. */
export function compareGoals(a: Goal, b: Goal): number {
	const rank = (g: Goal) => goalStatuses.indexOf(g.status);
	if (rank(a) !== rank(b)) return rank(a) - rank(b);
	const ta = a.targetDate ?? '9999-12-31';
	const tb = b.targetDate ?? '9999-12-31';
	return ta === tb ? a.createdAt.localeCompare(b.createdAt) : ta.localeCompare(tb);
}
