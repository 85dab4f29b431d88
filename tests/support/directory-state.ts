import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file and directory under `root` with its mode, for permission checks. */
export function modesUnder(root: string): { path: string; mode: number; directory: boolean }[] {
	const found: { path: string; mode: number; directory: boolean }[] = [];
	const walk = (path: string) => {
		const stats = statSync(path);
		found.push({
			path: relative(root, path) || '.',
			mode: stats.mode & 0o777,
			directory: stats.isDirectory()
		});
		if (stats.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
	};
	walk(root);
	return found;
}

/** A fingerprint of every file's name, mode and contents under `root`: equal means untouched. */
export function fingerprint(root: string): string {
	const hash = createHash('sha256');
	for (const entry of modesUnder(root).sort((a, b) => a.path.localeCompare(b.path))) {
		hash.update(`${entry.path}:${entry.mode}:`);
		if (!entry.directory) hash.update(readFileSync(join(root, entry.path)));
	}
	return hash.digest('hex');
}
