import type { GenericSchema, InferOutput } from 'valibot';
import type { EntityTable, IDType } from 'dexie';
import { envelope, touched, tombstoned, restored, type RecordEnvelope } from '$lib/domain/record';
import { check } from '$lib/domain/validation';
import type { Clock } from './clock';
import { writing } from './storage-full';
import type { WriteResult } from './write-result';

/**
 * The one way records are written: validate the input, then store the whole record in one put
 * under the id the caller chose. Because the caller picks the id when the form opens, a retried
 * or double-clicked save stores the same record again instead of a duplicate.
 */
export class RecordWriter<R extends RecordEnvelope> {
	constructor(
		private readonly table: EntityTable<R, 'id'>,
		private readonly clock: Clock
	) {}

	async save<S extends GenericSchema>(
		id: string,
		schema: S,
		input: unknown,
		build: (fields: InferOutput<S>, existing: R | undefined) => Omit<R, keyof RecordEnvelope>
	): Promise<WriteResult<R, InferOutput<S>>> {
		const checked = check(schema, input);
		if (!checked.ok) return checked;
		return writing(() =>
			this.table.db.transaction('rw', this.table, async () => {
				const existing = await this.find(id);
				const now = this.clock();
				const base = existing ? touched(existing, now) : envelope(id, now);
				const record = { ...base, ...build(checked.value, existing) } as R;
				await this.table.put(record);
				return { ok: true as const, record };
			})
		);
	}

	/** Applies a change to an existing record; does nothing if it is gone. */
	async update(id: string, change: (record: R) => R): Promise<R | undefined> {
		return writing(() =>
			this.table.db.transaction('rw', this.table, async () => {
				const existing = await this.find(id);
				if (!existing) return undefined;
				const record = touched(change(existing), this.clock());
				await this.table.put(record);
				return record;
			})
		);
	}

	remove(id: string): Promise<R | undefined> {
		return this.update(id, (r) => tombstoned(r, this.clock()));
	}

	restore(id: string): Promise<R | undefined> {
		return this.update(id, (r) => restored(r, this.clock()));
	}

	private find(id: string): Promise<R | undefined> {
		return this.table.get(id as IDType<R, 'id'>);
	}

	async get(id: string): Promise<R | undefined> {
		const record = await this.find(id);
		return record && record.deleted === 0 ? record : undefined;
	}
}
