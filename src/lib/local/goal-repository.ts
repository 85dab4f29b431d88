import { compareGoals, type Goal, type Milestone } from '$lib/domain/goal';
import type { GoalInput, MilestoneInput } from '$lib/domain/form-inputs';
import { limits } from '$lib/domain/limits';
import { toCalendarDate } from '$lib/domain/calendar-date';
import { validate } from './form-validation';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { RecordWriter } from './record-writer';
import type { WriteResult } from './write-result';

export class GoalRepository {
	private readonly writer: RecordWriter<Goal>;

	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock
	) {
		this.writer = new RecordWriter(db.goals, clock);
	}

	async list(pairId: string): Promise<Goal[]> {
		const goals = await this.db.goals.where('[pairId+deleted]').equals([pairId, 0]).toArray();
		return goals.sort(compareGoals);
	}

	get(id: string): Promise<Goal | undefined> {
		return this.writer.get(id);
	}

	save(id: string, pairId: string, input: unknown): Promise<WriteResult<Goal, GoalInput>> {
		return this.writer.save(id, 'goalInput', input, (fields, existing) => ({
			...fields,
			pairId,
			milestones: existing?.milestones ?? []
		}));
	}

	remove(id: string): Promise<Goal | undefined> {
		return this.writer.remove(id);
	}

	restore(id: string): Promise<Goal | undefined> {
		return this.writer.restore(id);
	}

	async addMilestone(
		goalId: string,
		milestoneId: string,
		input: unknown
	): Promise<WriteResult<Goal, MilestoneInput>> {
		const checked = await validate('milestoneInput', input);
		if (!checked.ok) return checked;
		const goal = await this.writer.update(goalId, (g) =>
			g.milestones.some((m) => m.id === milestoneId) || g.milestones.length >= limits.milestones
				? g
				: {
						...g,
						milestones: [...g.milestones, { id: milestoneId, ...checked.value, doneOn: null }]
					}
		);
		return goal ? { ok: true, record: goal } : { ok: false, problems: {} };
	}

	tickMilestone(goalId: string, milestoneId: string, done: boolean): Promise<Goal | undefined> {
		const today = toCalendarDate(this.clock());
		return this.updateMilestones(goalId, (ms) =>
			ms.map((m) => (m.id === milestoneId ? { ...m, doneOn: done ? today : null } : m))
		);
	}

	removeMilestone(goalId: string, milestoneId: string): Promise<Goal | undefined> {
		return this.updateMilestones(goalId, (ms) => ms.filter((m) => m.id !== milestoneId));
	}

	private updateMilestones(
		goalId: string,
		change: (milestones: Milestone[]) => Milestone[]
	): Promise<Goal | undefined> {
		return this.writer.update(goalId, (g) => ({ ...g, milestones: change(g.milestones) }));
	}
}
