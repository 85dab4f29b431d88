import type { EntityTable, IDType } from 'dexie';
import { envelope, touched, tombstoned, restored, type RecordEnvelope } from '$lib/domain/record';
import { validate, type FormFields, type FormName } from './form-validation';
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

	async save<K extends FormName>(
		id: string,
		form: K,
		input: unknown,
		build: (fields: FormFields<K>, existing: R | undefined) => Omit<R, keyof RecordEnvelope>
	): Promise<WriteResult<R, FormFields<K>>> {
		// Validation loads lazily, so it runs before the transaction: IndexedDB would commit a
		// transaction that waits on anything else.
		const checked = await validate(form, input);
		if (!checked.ok) return checked;
		return this.store(id, checked.value, build);
	}

	/** Stores fields already validated, joining the caller's transaction if there is one. */
	store<F>(
		id: string,
		fields: F,
		build: (fields: F, existing: R | undefined) => Omit<R, keyof RecordEnvelope>
	): Promise<{ ok: true; record: R }> {
		return writing(() =>
			this.table.db.transaction('rw', this.table, async () => {
				const existing = await this.find(id);
				const now = this.clock();
				const base = existing ? touched(existing, now) : envelope(id, now);
				const record = { ...base, ...build(fields, existing) } as R;
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
