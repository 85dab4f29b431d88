import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const lib = join(root, 'src/lib');
const endings = ['', '.ts', '.js', '.svelte', '/index.ts'];
const importPattern = /(?:from|import)\s*\(?\s*(['"])([^'"\n]+)\1/g;

function sourceFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(name) ? [path] : [];
	});
}

function resolveImport(from: string, specifier: string): string | null {
	const base = specifier.startsWith('$lib/')
		? join(lib, specifier.slice('$lib/'.length))
		: specifier.startsWith('.')
			? resolve(dirname(from), specifier)
			: null;
	if (base === null) return null;
	const ending = endings.find((e) => existsSync(base + e) && statSync(base + e).isFile());
	return ending === undefined ? null : base + ending;
}

/** Every source file under src/ and the source files it imports (type-only imports too). */
export function importGraph(): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const file of sourceFiles(join(root, 'src'))) {
		const text = readFileSync(file, 'utf8');
		const targets = [...text.matchAll(importPattern)]
			.map((m) => resolveImport(file, m[2]!))
			.filter((t): t is string => t !== null);
		graph.set(relative(root, file), [...new Set(targets.map((t) => relative(root, t)))]);
	}
	return graph;
}

/** Groups of files that import each other, directly or round a loop (Tarjan's algorithm). */
export function importCycles(graph: Map<string, string[]>): string[][] {
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const cycles: string[][] = [];
	const visit = (file: string) => {
		index.set(file, counter);
		low.set(file, counter++);
		stack.push(file);
		onStack.add(file);
		for (const next of graph.get(file) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(file, Math.min(low.get(file)!, low.get(next)!));
			} else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
		}
		if (low.get(file) === index.get(file)) {
			const group: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				group.push(member);
			} while (member !== file);
			if (group.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(group);
		}
	};
	for (const file of graph.keys()) if (!index.has(file)) visit(file);
	return cycles;
}
