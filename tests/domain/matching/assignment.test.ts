import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maximumWeightMatching } from '$lib/domain/matching/assignment';

/** The best total over every matching: each row takes a free column or none, memoised on the
 * columns already taken. Transposed first so the columns are the smaller side. */
function bestTotal(weights: number[][]): number {
	const columns = weights[0]?.length ?? 0;
	if (columns > weights.length) {
		return bestTotal(Array.from({ length: columns }, (_, j) => weights.map((row) => row[j]!)));
	}
	const memo = new Map<number, number>();
	const best = (row: number, taken: number): number => {
		if (row === weights.length) return 0;
		const key = row * 2 ** columns + taken;
		const known = memo.get(key);
		if (known !== undefined) return known;
		let most = best(row + 1, taken);
		for (let j = 0; j < columns; j++) {
			if (taken & (1 << j)) continue;
			most = Math.max(most, weights[row]![j]! + best(row + 1, taken | (1 << j)));
		}
		memo.set(key, most);
		return most;
	};
	return best(0, 0);
}

function solve(weights: number[][]) {
	const rows = weights.length;
	const columns = weights[0]?.length ?? 0;
	const matching = maximumWeightMatching(Float64Array.from(weights.flat()), rows, columns);
	const chosen = [...matching].map((j, i) => ({ i, j })).filter(({ j }) => j >= 0);
	return { matching, chosen, total: chosen.reduce((sum, { i, j }) => sum + weights[i]![j]!, 0) };
}

/** Up to 10 by 10, and often with few distinct weights, so ties abound. */
const matrix = fc
	.tuple(
		fc.integer({ min: 0, max: 10 }),
		fc.integer({ min: 0, max: 10 }),
		fc.constantFrom(2, 4, 40)
	)
	.chain(([rows, columns, spread]) =>
		fc.array(
			fc.array(fc.integer({ min: -2, max: spread }), { minLength: columns, maxLength: columns }),
			{ minLength: rows, maxLength: rows }
		)
	);

describe('the maximum-weight matching', () => {
	it('finds the best total of any matching, wide or tall', () => {
		fc.assert(
			fc.property(matrix, (weights) => {
				const { matching, chosen, total } = solve(weights);
				expect(matching).toHaveLength(weights.length);
				expect(new Set(chosen.map(({ j }) => j)).size).toBe(chosen.length);
				for (const { i, j } of chosen) expect(weights[i]![j]!).toBeGreaterThan(0);
				expect(total).toBe(bestTotal(weights));
			}),
			{ numRuns: 500 }
		);
	});

	it('leaves a row unmatched rather than take an edge worth nothing', () => {
		expect([
			...solve([
				[0, -1],
				[3, 0]
			]).matching
		]).toEqual([-1, 0]);
	});

	it('gives up a row’s favourite when two rows want it and the total is higher', () => {
		// Row 0 alone would take column 0 (9), but 8 + 7 beats 9 + 2.
		expect([
			...solve([
				[9, 8],
				[7, 2]
			]).matching
		]).toEqual([1, 0]);
	});

	it('stays exact with weights in the billions', () => {
		const big = 2_000_000_000;
		const weights = [
			[big + 3, big + 1, 0],
			[big + 2, big, big + 5],
			[big + 4, 0, big + 1]
		];
		expect(solve(weights).total).toBe(bestTotal(weights));
	});

	it('chooses the same way every time', () => {
		const ties = Array.from({ length: 5 }, () => [4, 4, 4, 4, 4, 4]);
		expect([...solve(ties).matching]).toEqual([...solve(ties).matching]);
		expect(new Set(solve(ties).matching).size).toBe(5);
	});
});
