import { tickAfter, type ClockState, type Stamp } from './hybrid-clock';
import type { Fields, SharedTable } from './shared-tables';

/**
 * The merge rules of the pair's shared records, as pure functions. Each field of each record
 * is a last-writer-wins register: the value with the later stamp wins, whichever order changes
 * arrive in and however often. So every device that has seen the same changes holds the same
 * fields, concurrent edits to different fields both survive, and a delete (the `deleted`
 * field) stays unless someone restores the record later.
 */

/** What a device knows of one shared record: each field's value and the stamp that set it. */
export interface ReplicaState {
	/** `${table}/${id}` */
	key: string;
	table: SharedTable;
	id: string;
	/** The device's own id for the pair this record belongs to. */
	pairId: string;
	fields: Fields;
	clocks: Record<string, Stamp>;
}

/** A change to one record: fields set by one edit, with the edit's stamp. What travels. */
export interface Change {
	t: SharedTable;
	r: string;
	s: Stamp;
	f: Fields;
}

export const replicaKey = (table: string, id: string) => `${table}/${id}`;

const canonical = (value: unknown) => JSON.stringify(value) ?? 'undefined';

function sameValue(a: unknown, b: unknown): boolean {
	return a === b || canonical(a) === canonical(b);
}

function emptyState(table: SharedTable, id: string, pairId: string): ReplicaState {
	return { key: replicaKey(table, id), table, id, pairId, fields: {}, clocks: {} };
}

/**
 * Whether a write stamped `stamp` with `value` beats what a field holds. Two different values
 * under one stamp cannot come from honest devices (a stamp names its device); the larger
 * value wins so that even then every device decides alike.
 */
function wins(stamp: Stamp, value: unknown, held: Stamp | undefined, heldValue: unknown): boolean {
	if (held === undefined || stamp > held) return true;
	return stamp === held && canonical(value) > canonical(heldValue);
}

/** Applies a change made elsewhere; `applied` lists the fields it changed here. */
export function mergeChange(
	state: ReplicaState | undefined,
	change: Change,
	pairId: string
): { state: ReplicaState; applied: string[] } {
	const next = state ?? emptyState(change.t, change.r, pairId);
	const fields = { ...next.fields };
	const clocks = { ...next.clocks };
	const applied: string[] = [];
	for (const [field, value] of Object.entries(change.f)) {
		if (!wins(change.s, value, clocks[field], fields[field])) continue;
		if (clocks[field] !== change.s || !sameValue(fields[field], value)) applied.push(field);
		fields[field] = value;
		clocks[field] = change.s;
	}
	return { state: { ...next, fields, clocks }, applied };
}

/**
 * The fields of a local edit whose value differs from what the device holds: only these take
 * a new stamp and travel, so saving a form unchanged sends nothing.
 */
export function changedFields(state: ReplicaState | undefined, fields: Fields): Fields {
	const changed: Fields = {};
	for (const [field, value] of Object.entries(fields)) {
		if (state && field in state.fields && sameValue(state.fields[field], value)) continue;
		changed[field] = value;
	}
	return changed;
}

/**
 * The latest stamp held by any of these fields. A local edit must be stamped after it, even
 * when it came from a device whose clock runs ahead, or the edit would lose to what it replaced.
 */
export function latestStampOf(
	state: ReplicaState | undefined,
	fields: Iterable<string>
): Stamp | undefined {
	let latest: Stamp | undefined;
	for (const field of fields) {
		const stamp = state?.clocks[field];
		if (stamp && (!latest || stamp > latest)) latest = stamp;
	}
	return latest;
}

/**
 * An edit made on this device, as the device's database records it: the fields whose value
 * changed take a stamp later than this device has seen and later than the values they
 * replace. Null when nothing changed.
 */
export function stampLocalEdit(
	previous: ReplicaState | undefined,
	table: SharedTable,
	id: string,
	pairId: string,
	fields: Fields,
	clock: ClockState,
	now: number
): { state: ReplicaState; change: Change; clock: ClockState } | null {
	const changed = changedFields(previous, fields);
	if (Object.keys(changed).length === 0) return null;
	const ticked = tickAfter(clock, now, latestStampOf(previous, Object.keys(changed)));
	const change: Change = { t: table, r: id, s: ticked.stamp, f: changed };
	const base = { ...(previous ?? emptyState(table, id, pairId)), pairId };
	return { state: mergeChange(base, change, pairId).state, change, clock: ticked.state };
}

/** The latest stamp on a record: when anyone last changed it. */
export function latestStamp(state: ReplicaState): Stamp | undefined {
	return latestStampOf(state, Object.keys(state.clocks));
}

/**
 * A record's whole state as changes, one per distinct stamp: what a device sends when a pair
 * is first linked, so the other device learns what was written before.
 */
export function stateAsChanges(state: ReplicaState): Change[] {
	const byStamp = new Map<Stamp, Fields>();
	for (const [field, stamp] of Object.entries(state.clocks)) {
		const fields = byStamp.get(stamp) ?? {};
		fields[field] = state.fields[field];
		byStamp.set(stamp, fields);
	}
	return [...byStamp]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([s, f]) => ({ t: state.table, r: state.id, s, f }));
}
