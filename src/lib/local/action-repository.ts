import { openActions, type Action, type ActionInput } from '$lib/domain/action';
import { toCalendarDate } from '$lib/domain/calendar-date';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { RecordWriter } from './record-writer';
import type { WriteResult } from './write-result';

export class ActionRepository {
	private readonly writer: RecordWriter<Action>;

	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock
	) {
		this.writer = new RecordWriter(db.actions, clock);
	}

	async open(pairId: string): Promise<Action[]> {
		return openActions(
			await this.db.actions.where('[pairId+deleted]').equals([pairId, 0]).toArray()
		);
	}

	async fromSession(sessionId: string): Promise<Action[]> {
		const actions = await this.db.actions.where('sessionId').equals(sessionId).toArray();
		return actions
			.filter((a) => a.deleted === 0)
			.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
	}

	save(
		id: string,
		pairId: string,
		sessionId: string | null,
		input: unknown
	): Promise<WriteResult<Action, ActionInput>> {
		return this.writer.save(id, 'actionInput', input, (fields, existing) => ({
			...fields,
			pairId,
			sessionId: existing?.sessionId ?? sessionId,
			doneOn: existing?.doneOn ?? null
		}));
	}

	markDone(id: string, done: boolean): Promise<Action | undefined> {
		const today = toCalendarDate(this.clock());
		return this.writer.update(id, (a) => ({ ...a, doneOn: done ? today : null }));
	}

	remove(id: string): Promise<Action | undefined> {
		return this.writer.remove(id);
	}
}
