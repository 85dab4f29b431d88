import {
	isOpen,
	moveItem,
	nextPosition,
	type AgendaItem,
	type AgendaItemInput
} from '$lib/domain/agenda';
import type { Role } from '$lib/domain/profile';
import type { Clock } from './clock';
import { validate } from './form-validation';
import type { TandemDb } from './db';
import { RecordWriter } from './record-writer';
import { writing } from './storage-full';
import type { WriteResult } from './write-result';
import { touched } from '$lib/domain/record';

export class AgendaRepository {
	private readonly writer: RecordWriter<AgendaItem>;

	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock
	) {
		this.writer = new RecordWriter(db.agendaItems, clock);
	}

	/** The agenda for the next meeting, in the order the pair set. */
	async open(pairId: string): Promise<AgendaItem[]> {
		const items = await this.db.agendaItems
			.where('[pairId+deleted]')
			.equals([pairId, 0])
			.filter(isOpen)
			.toArray();
		return items.sort((a, b) => a.position - b.position);
	}

	async discussedIn(sessionId: string): Promise<AgendaItem[]> {
		const items = await this.db.agendaItems
			.where('discussedInSessionId')
			.equals(sessionId)
			.toArray();
		return items.filter((i) => i.deleted === 0).sort((a, b) => a.position - b.position);
	}

	async save(
		id: string,
		pairId: string,
		raisedBy: Role,
		input: unknown
	): Promise<WriteResult<AgendaItem, AgendaItemInput>> {
		const checked = await validate('agendaItemInput', input);
		if (!checked.ok) return checked;
		return writing(() =>
			this.db.transaction('rw', this.db.agendaItems, async () => {
				const position = nextPosition(await this.open(pairId));
				return this.writer.store(id, checked.value, (fields, existing) => ({
					...fields,
					pairId,
					raisedBy: existing?.raisedBy ?? raisedBy,
					position: existing?.position ?? position,
					discussedInSessionId: existing?.discussedInSessionId ?? null,
					carriedOver: existing?.carriedOver ?? 0
				}));
			})
		);
	}

	move(pairId: string, id: string, direction: -1 | 1): Promise<void> {
		return writing(() =>
			this.db.transaction('rw', this.db.agendaItems, async () => {
				const changed = moveItem(await this.open(pairId), id, direction);
				const now = this.clock();
				await this.db.agendaItems.bulkPut(changed.map((i) => touched(i, now)));
			})
		);
	}

	remove(id: string): Promise<AgendaItem | undefined> {
		return this.writer.remove(id);
	}

	restore(id: string): Promise<AgendaItem | undefined> {
		return this.writer.restore(id);
	}
}
