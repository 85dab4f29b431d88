import Dexie from 'dexie';
import type { JournalEntry } from '$lib/domain/journal';
import type { JournalInput } from '$lib/domain/form-inputs';
import type { Clock } from './clock';
import { readPage, type Page } from './page';
import type { TandemDb } from './db';
import { RecordWriter } from './record-writer';
import type { WriteResult } from './write-result';

const newestFirst = '[deleted+entryDate+createdAt]';

export class JournalRepository {
	private readonly writer: RecordWriter<JournalEntry>;

	constructor(
		private readonly db: TandemDb,
		clock: Clock
	) {
		this.writer = new RecordWriter(db.journal, clock);
	}

	/** The newest entries, read from the index so the cost does not grow with the journal. */
	async newest(limit: number): Promise<Page<JournalEntry>> {
		return readPage(
			this.db.journal
				.where(newestFirst)
				.between([0, Dexie.minKey, Dexie.minKey], [0, Dexie.maxKey, Dexie.maxKey])
				.reverse(),
			limit
		);
	}

	get(id: string): Promise<JournalEntry | undefined> {
		return this.writer.get(id);
	}

	save(id: string, input: unknown): Promise<WriteResult<JournalEntry, JournalInput>> {
		return this.writer.save(id, 'journalInput', input, (fields) => fields);
	}

	remove(id: string): Promise<JournalEntry | undefined> {
		return this.writer.remove(id);
	}

	restore(id: string): Promise<JournalEntry | undefined> {
		return this.writer.restore(id);
	}

	/** Every entry changed at or after a moment, deleted ones included: what a search index must catch up on. */
	changedSince(updatedAt: string): Promise<JournalEntry[]> {
		return this.db.journal.where('updatedAt').aboveOrEqual(updatedAt).toArray();
	}

	byIds(ids: string[]): Promise<JournalEntry[]> {
		return this.db.journal
			.bulkGet(ids)
			.then((entries) =>
				entries.filter((e): e is JournalEntry => e !== undefined && e.deleted === 0)
			);
	}
}
