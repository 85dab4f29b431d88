import { describe, expect, it } from 'vitest';
import {
	pairMove,
	pairMoves,
	pairStatusOf,
	type PairActor,
	type PairMove,
	type PairStatus
} from '$lib/domain/pair-lifecycle';

const statuses: PairStatus[] = ['active', 'paused', 'ended'];

/** Every move, from each status to each, by each actor: the whole table written out. */
const expected: Record<PairActor, Record<PairStatus, Record<PairStatus, PairMove>>> = {
	coordinator: {
		active: { active: 'unchanged', paused: 'move', ended: 'move' },
		paused: { active: 'move', paused: 'unchanged', ended: 'move' },
		ended: { active: 'ended', paused: 'ended', ended: 'unchanged' }
	},
	member: {
		active: { active: 'unchanged', paused: 'not-allowed', ended: 'move' },
		paused: { active: 'not-allowed', paused: 'unchanged', ended: 'move' },
		ended: { active: 'ended', paused: 'ended', ended: 'unchanged' }
	}
};

describe('the life of a pair', () => {
	for (const by of ['coordinator', 'member'] as const)
		for (const from of statuses)
			for (const to of statuses)
				it(`${by}: ${from} → ${to} is ${expected[by][from][to]}`, () => {
					expect(pairMove(from, to, by)).toBe(expected[by][from][to]);
				});

	it('offers exactly the moves it allows, and none for an ended pair', () => {
		for (const by of ['coordinator', 'member'] as const)
			for (const from of statuses)
				expect(pairMoves(from, by)).toEqual(
					statuses.filter((to) => expected[by][from][to] === 'move')
				);
		expect(pairMoves('ended', 'coordinator')).toEqual([]);
	});

	it('takes a closed channel as ended, whatever the status says', () => {
		expect(pairStatusOf('active', null)).toBe('active');
		expect(pairStatusOf('paused', null)).toBe('paused');
		expect(pairStatusOf('ended', null)).toBe('ended');
		expect(pairStatusOf('active', new Date('2026-09-01T12:00:00Z'))).toBe('ended');
		expect(pairStatusOf('paused', '2026-09-01T12:00:00.000Z')).toBe('ended');
	});
});
