/**
 * A hybrid logical clock: physical time where the device clock is right, a counter where two
 * changes share a millisecond, and the device's node id to break the last tie. Stamps compare
 * as plain strings, so "later" means the same on every device whatever its time zone.
 *
 * A stamp reads 2026-11-25T10:00:00.000Z-0000-0f3a9c2b7d1e4a6b.
 */
export type Stamp = string;

export interface ClockState {
	/** Milliseconds since the epoch of the latest stamp made or seen. */
	wall: number;
	counter: number;
	/** 16 hex digits, chosen at random once per device. */
	node: string;
}

const maxCounter = 0xffff;
const stampPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9A-F]{4})-([0-9a-f]{16})$/;

export function newNodeId(random: (bytes: Uint8Array) => Uint8Array): string {
	return [...random(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function formatStamp(wall: number, counter: number, node: string): Stamp {
	return `${new Date(wall).toISOString()}-${counter.toString(16).toUpperCase().padStart(4, '0')}-${node}`;
}

export function parseStamp(stamp: Stamp): { wall: number; counter: number; node: string } | null {
	const match = stampPattern.exec(stamp);
	if (!match) return null;
	const wall = Date.parse(match[1]!);
	return Number.isNaN(wall) ? null : { wall, counter: parseInt(match[2]!, 16), node: match[3]! };
}

export function isStamp(value: unknown): value is Stamp {
	return typeof value === 'string' && parseStamp(value) !== null;
}

/** The time a stamp was made, as an ISO timestamp (for a record's updatedAt). */
export function stampTime(stamp: Stamp): string {
	return stamp.slice(0, 24);
}

/** The stamp for a local change made now; later than everything this device has made or seen. */
export function tick(state: ClockState, now: number): { state: ClockState; stamp: Stamp } {
	const wall = Math.max(state.wall, now);
	const counter = wall === state.wall ? state.counter + 1 : 0;
	if (counter > maxCounter) {
		// 65,536 changes in one millisecond: borrow the next millisecond rather than wrap.
		return tick({ ...state, wall: state.wall + 1, counter: -1 }, now);
	}
	const next = { wall, counter, node: state.node };
	return { state: next, stamp: formatStamp(wall, counter, state.node) };
}

/**
 * The stamp for a local change to fields last set at `after`: later than that too, however far
 * ahead the clock that made it ran, or the edit would lose to the value it replaced.
 */
export function tickAfter(
	state: ClockState,
	now: number,
	after: Stamp | undefined
): { state: ClockState; stamp: Stamp } {
	return tick(after ? receive(state, after, now, Number.POSITIVE_INFINITY) : state, now);
}

/**
 * Takes in a stamp made elsewhere, so this device's next change is stamped after it. A stamp
 * far ahead of this device's clock (a partner's clock set wrong) would drag every later
 * change into the future, so it moves the clock only within `maxDriftMs` of now.
 */
export function receive(
	state: ClockState,
	remote: Stamp,
	now: number,
	maxDriftMs = 24 * 60 * 60_000
): ClockState {
	const seen = parseStamp(remote);
	if (!seen || seen.wall > now + maxDriftMs) return state;
	if (seen.wall > state.wall) return { ...state, wall: seen.wall, counter: seen.counter };
	if (seen.wall === state.wall && seen.counter > state.counter) {
		return { ...state, counter: seen.counter };
	}
	return state;
}

/** The stamp an existing record's fields start from, before any change was stamped. */
export function stampFromTimestamp(iso: string, node: string): Stamp {
	const wall = Date.parse(iso);
	return formatStamp(Number.isNaN(wall) ? 0 : wall, 0, node);
}
