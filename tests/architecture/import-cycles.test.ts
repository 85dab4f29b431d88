import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph';

describe('imports', () => {
	it('finds a loop in a graph that has one', () => {
		const graph = new Map([
			['a.ts', ['b.ts']],
			['b.ts', ['c.ts']],
			['c.ts', ['a.ts']],
			['d.ts', ['a.ts']]
		]);
		expect(importCycles(graph).map((g) => g.sort())).toEqual([['a.ts', 'b.ts', 'c.ts']]);
	});

	it('reads the whole source tree', () => {
		const graph = importGraph();
		expect(graph.size).toBeGreaterThan(300);
		expect(graph.get('src/lib/local/db.ts')).toContain('src/lib/local/rows/scheme-membership.ts');
	});

	it('has no file that imports itself round a loop', () => {
		expect(importCycles(importGraph())).toEqual([]);
	});
});
