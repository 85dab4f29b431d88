/**
 * Every record the app keeps carries the same envelope, because later work replicates them:
 * a stable random id, timestamps, and a tombstone instead of a hard delete.
 */
export interface RecordEnvelope {
	id: string;
	/** ISO timestamps, UTC. */
	createdAt: string;
	updatedAt: string;
	/** 0 or 1 rather than a boolean: IndexedDB cannot index booleans. */
	deleted: 0 | 1;
	deletedAt: string | null;
}

export function envelope(id: string, now: Date): RecordEnvelope {
	const at = now.toISOString();
	return { id, createdAt: at, updatedAt: at, deleted: 0, deletedAt: null };
}

export function touched<T extends RecordEnvelope>(record: T, now: Date): T {
	return { ...record, updatedAt: now.toISOString() };
}

export function tombstoned<T extends RecordEnvelope>(record: T, now: Date): T {
	const at = now.toISOString();
	return { ...record, deleted: 1, deletedAt: at, updatedAt: at };
}

export function restored<T extends RecordEnvelope>(record: T, now: Date): T {
	return { ...record, deleted: 0, deletedAt: null, updatedAt: now.toISOString() };
}

/** The newer of two copies of a record wins a merge; ties keep what is already there. */
export function isNewer(
	incoming: Pick<RecordEnvelope, 'updatedAt'>,
	existing: Pick<RecordEnvelope, 'updatedAt'> | undefined
): boolean {
	return existing === undefined || incoming.updatedAt > existing.updatedAt;
}
