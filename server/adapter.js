import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nodeAdapter from '@sveltejs/adapter-node';

const entry = fileURLToPath(new URL('./entry', import.meta.url));

/**
 * adapter-node, with our own entry (server/entry) written over its index.js. Its handler.js,
 * env.js and the app are used as built; only the process around them is ours.
 * @param {import('@sveltejs/adapter-node').AdapterOptions} [options]
 * @returns {import('@sveltejs/kit').Adapter}
 */
export default function tandemAdapter(options = {}) {
	const node = nodeAdapter(options);
	const out = options.out ?? 'build';
	return {
		...node,
		name: 'tandem-adapter-node',
		async adapt(builder) {
			await node.adapt(builder);
			// Its source map would describe the entry replaced below.
			rmSync(`${out}/index.js.map`, { force: true });
			for (const file of readdirSync(entry)) builder.copy(`${entry}/${file}`, `${out}/${file}`);
		}
	};
}
