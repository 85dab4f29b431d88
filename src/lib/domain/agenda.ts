import type { Role } from './profile';
import type { RecordEnvelope } from './record';

/**
 * Something the mentee (or mentor) wants to talk about. It stays on the agenda for the next
 * meeting until a logged session records it as discussed.
 */
export interface AgendaItem extends RecordEnvelope {
	pairId: string;
	title: string;
	details: string;
	raisedBy: Role;
	/** Order on the agenda; smaller first. */
	position: number;
	/** The session where it was discussed; null while it waits for the next meeting. */
	discussedInSessionId: string | null;
	/** How many logged sessions it has waited through. */
	carriedOver: number;
}

export function isOpen(item: AgendaItem): boolean {
	return item.discussedInSessionId === null && item.deleted === 0;
}

export function nextPosition(items: readonly AgendaItem[]): number {
	return items.reduce((max, i) => Math.max(max, i.position), 0) + 1;
}

/**
 * Logging a session settles the open agenda: the items discussed are filed under it, and every
 * other open item carries over to the next meeting, keeping its place.
 */
export function settleAgenda(
	open: readonly AgendaItem[],
	discussedIds: ReadonlySet<string>,
	sessionId: string
): AgendaItem[] {
	return open
		.filter(isOpen)
		.map((item) =>
			discussedIds.has(item.id)
				? { ...item, discussedInSessionId: sessionId }
				: { ...item, carriedOver: item.carriedOver + 1 }
		);
}

/**
 * Moves one item up or down the open agenda and renumbers it 1..n, so that equal positions
 * (say, from an import) cannot make a move do nothing. Returns only the items that changed.
 */
export function moveItem(open: readonly AgendaItem[], id: string, direction: -1 | 1): AgendaItem[] {
	const sorted = [...open].sort((a, b) => a.position - b.position);
	const from = sorted.findIndex((i) => i.id === id);
	const to = from + direction;
	if (from < 0 || to < 0 || to >= sorted.length) return [];
	[sorted[from], sorted[to]] = [sorted[to]!, sorted[from]!];
	return sorted
		.map((item, index) => ({ item, position: index + 1 }))
		.filter(({ item, position }) => item.position !== position)
		.map(({ item, position }) => ({ ...item, position }));
}

export type { AgendaItemInput } from './form-inputs';
