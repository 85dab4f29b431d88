import { describe, expect, it } from 'vitest';
import { moveItem, nextPosition, settleAgenda } from '$lib/domain/agenda';
import { agendaItem } from '../support/factories';

describe('settling the agenda when a session is logged', () => {
	it('files discussed items under the session and carries the rest over', () => {
		const a = agendaItem({ position: 1 });
		const b = agendaItem({ position: 2, carriedOver: 1 });
		const settled = settleAgenda([a, b], new Set([a.id]), 'session-9');
		expect(settled.find((i) => i.id === a.id)).toMatchObject({
			discussedInSessionId: 'session-9',
			carriedOver: 0
		});
		expect(settled.find((i) => i.id === b.id)).toMatchObject({
			discussedInSessionId: null,
			carriedOver: 2,
			position: 2
		});
	});

	it('leaves deleted and already discussed items alone', () => {
		const gone = agendaItem({ deleted: 1 });
		const done = agendaItem({ discussedInSessionId: 'session-1' });
		expect(settleAgenda([gone, done], new Set(), 'session-2')).toEqual([]);
	});
});

describe('ordering the agenda', () => {
	it('swaps an item with its neighbour and renumbers', () => {
		const [a, b, c] = [1, 2, 3].map((position) => agendaItem({ position }));
		const changed = moveItem([a!, b!, c!], c!.id, -1);
		expect(changed.map((i) => [i.id, i.position])).toEqual([
			[c!.id, 2],
			[b!.id, 3]
		]);
	});

	it('still moves items that share a position', () => {
		const a = agendaItem({ position: 1 });
		const b = agendaItem({ position: 1 });
		const changed = moveItem([a, b], b.id, -1);
		const positions = new Map(changed.map((i) => [i.id, i.position]));
		expect(positions.get(b.id) ?? b.position).toBeLessThan(positions.get(a.id) ?? a.position);
	});

	it('does nothing past either end', () => {
		const a = agendaItem({ position: 1 });
		expect(moveItem([a], a.id, -1)).toEqual([]);
		expect(moveItem([a], a.id, 1)).toEqual([]);
	});

	it('puts new items last', () => {
		expect(nextPosition([])).toBe(1);
		expect(nextPosition([agendaItem({ position: 4 }), agendaItem({ position: 2 })])).toBe(5);
	});
});
