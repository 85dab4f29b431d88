// The folders under src/lib are layers, and imports go one way only: a layer may import the
// layers it lists here and nothing else (docs/architecture.md explains each one). Across layers
// an import names its layer (`$lib/local/...`), so a relative path cannot slip past the rule.

/** @typedef {{ may: string[], holds: string }} Layer */
/** @typedef {import('eslint').Linter.Config} Config */

/** Each layer, the layers it may import, and what it holds. @type {Record<string, Layer>} */
export const layers = {
	domain: { may: [], holds: 'pure rules of mentoring, no I/O' },
	protocol: { may: ['domain'], holds: 'every shape that crosses the wire, and its checks' },
	privacy: { may: ['domain', 'protocol'], holds: 'the allowlists: all a device sends the scheme' },
	replica: {
		may: ['domain', 'protocol'],
		holds: "the pair's shared records: clock, merge, crypto"
	},
	local: {
		may: ['domain', 'protocol', 'privacy', 'replica'],
		holds: 'IndexedDB (Dexie): rows, repositories, the outbox'
	},
	sync: {
		may: ['domain', 'protocol', 'privacy', 'replica', 'local'],
		holds: 'HTTP clients and the engines that drain the outbox and the pair log'
	},
	state: {
		may: ['domain', 'protocol', 'local', 'sync', 'i18n', 'paraglide'],
		holds: 'runes state classes the screens share'
	},
	i18n: { may: ['domain', 'protocol', 'paraglide'], holds: 'words, in English and Welsh' },
	server: { may: ['domain', 'protocol'], holds: "the scheme's server: database and rules" },
	components: {
		may: [
			'domain',
			'protocol',
			'privacy',
			'replica',
			'local',
			'sync',
			'state',
			'i18n',
			'paraglide'
		],
		holds: 'one Svelte component per file'
	},
	pwa: { may: [], holds: 'the web app manifest' }
};

/**
 * @param {{ regex: string, message: string }[]} patterns
 * @returns {Config['rules']}
 */
const refuse = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const libFolders = [...Object.keys(layers), 'paraglide'];

/** An import of a layer by name, as `$lib/<layer>` or `$lib/<layer>/...`. @param {string[]} folders */
const named = (folders) => `^\\$lib/(${folders.join('|')})(/|$)`;

/** Relative imports that climb out of a file's layer, for a file `depth` folders inside it. @param {number} depth */
const climbsOut = (depth) => `^(\\.\\./){${depth + 1}}`;

/**
 * @param {string} layer
 * @param {Layer} rule
 * @param {number} depth
 * @returns {Config['rules']}
 */
function layerRules(layer, { may }, depth) {
	const refused = libFolders.filter((f) => f !== layer && !may.includes(f));
	const patterns = [
		{
			regex: climbsOut(depth),
			message: `Across layers, import by name ($lib/<layer>/...), so the layer rule can see it.`
		}
	];
	if (refused.length > 0)
		patterns.push({
			regex: named(refused),
			message: `${layer} may import only ${may.join(', ') || 'nothing outside itself'} (eslint.layers.js).`
		});
	return refuse(patterns);
}

// One entry per depth: a file in src/lib/local/rows/ climbs out with ../../, one in src/lib/local/ with ../.
const depths = [0, 1, 2, 3];
/** @param {string} layer @param {number} depth */
const source = (layer, depth) => [
	`src/lib/${layer}/${'*/'.repeat(depth)}*.ts`,
	`src/lib/${layer}/${'*/'.repeat(depth)}*.svelte`
];

/** @type {Config[]} */
export const layerConfigs = [
	...Object.entries(layers).flatMap(([layer, rule]) =>
		depths.map((depth) => ({
			files: source(layer, depth),
			// drizzle-kit reads the schema without SvelteKit's $lib alias.
			ignores: layer === 'server' ? ['src/lib/server/db/**'] : [],
			rules: layerRules(layer, rule, depth)
		}))
	),
	// drizzle-kit reads the schema without SvelteKit's $lib alias: relative paths, to domain and
	// protocol only.
	...[2, 3].map((depth) => ({
		files: [`src/lib/server/db/${'*/'.repeat(depth - 2)}*.ts`],
		rules: refuse([
			{
				regex: `^(\\.\\./){${depth}}(?!domain/|protocol/)`,
				message: 'server may import only domain and protocol (eslint.layers.js).'
			},
			{ regex: '^\\$lib/', message: 'drizzle-kit reads the schema without $lib.' }
		])
	})),
	{
		files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte', 'src/hooks.server.ts'],
		ignores: ['src/routes/**/+server.ts', 'src/routes/**/*.server.ts', 'src/hooks.server.ts'],
		rules: refuse([{ regex: named(['server']), message: 'Screens never import the server.' }])
	},
	{
		files: ['src/routes/**/+server.ts', 'src/routes/**/*.server.ts', 'src/hooks.server.ts'],
		rules: refuse([
			{
				regex: named(['privacy', 'replica', 'local', 'sync', 'state', 'components']),
				message: 'Server routes import only server, protocol, domain and i18n.'
			}
		])
	}
];
