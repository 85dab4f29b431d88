import { type PrepNote, type PrepNoteInput } from '$lib/domain/prep-note';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { RecordWriter } from './record-writer';
import type { WriteResult } from './write-result';

export class PrepNoteRepository {
	private readonly writer: RecordWriter<PrepNote>;

	constructor(
		private readonly db: TandemDb,
		clock: Clock
	) {
		this.writer = new RecordWriter(db.prepNotes, clock);
	}

	/** Notes about the pair in general (not tied to a session), newest first. */
	async forPair(pairId: string): Promise<PrepNote[]> {
		const notes = await this.db.prepNotes.where('[pairId+deleted]').equals([pairId, 0]).toArray();
		return notes
			.filter((n) => n.sessionId === null)
			.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
	}

	async forSession(sessionId: string): Promise<PrepNote[]> {
		const notes = await this.db.prepNotes.where('sessionId').equals(sessionId).toArray();
		return notes
			.filter((n) => n.deleted === 0)
			.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
	}

	save(
		id: string,
		pairId: string,
		sessionId: string | null,
		input: unknown
	): Promise<WriteResult<PrepNote, PrepNoteInput>> {
		return this.writer.save(id, 'prepNoteInput', input, (fields, existing) => ({
			...fields,
			pairId,
			sessionId: existing?.sessionId ?? sessionId
		}));
	}

	remove(id: string): Promise<PrepNote | undefined> {
		return this.writer.remove(id);
	}

	restore(id: string): Promise<PrepNote | undefined> {
		return this.writer.restore(id);
	}
}
