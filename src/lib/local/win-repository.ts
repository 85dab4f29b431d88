import Dexie from 'dexie';
import { weekStart } from '$lib/domain/calendar-date';
import { type Win, type WinInput } from '$lib/domain/win';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { readPage, type Page } from './page';
import { RecordWriter } from './record-writer';
import type { WriteResult } from './write-result';

const byDate = '[pairId+deleted+wonOn]';

export class WinRepository {
	private readonly writer: RecordWriter<Win>;

	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock
	) {
		this.writer = new RecordWriter(db.wins, clock);
	}

	async newest(pairId: string, limit: number): Promise<Page<Win>> {
		return readPage(
			this.db.wins
				.where(byDate)
				.between([pairId, 0, Dexie.minKey], [pairId, 0, Dexie.maxKey])
				.reverse(),
			limit
		);
	}

	/** Wins dated from this Monday on. */
	thisWeek(pairId: string): Promise<Win[]> {
		const monday = weekStart(this.clock());
		return this.db.wins
			.where(byDate)
			.between([pairId, 0, monday], [pairId, 0, Dexie.maxKey])
			.toArray();
	}

	save(id: string, pairId: string, input: unknown): Promise<WriteResult<Win, WinInput>> {
		return this.writer.save(id, 'winInput', input, (fields) => ({ ...fields, pairId }));
	}

	remove(id: string): Promise<Win | undefined> {
		return this.writer.remove(id);
	}

	restore(id: string): Promise<Win | undefined> {
		return this.writer.restore(id);
	}
}
