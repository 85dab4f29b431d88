import { Linter } from 'eslint';
import ts from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerConfigs } from '../../eslint.layers.js';

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
	{ files: ['**/*.ts'], languageOptions: { parser: ts.parser as Linter.Parser } },
	...layerConfigs
];

/** The layer rule's complaints about one import written in the file at `filename`. */
function complaints(filename: string, code: string): string[] {
	return linter
		.verify(code, config, { filename })
		.filter((m) => m.ruleId === 'no-restricted-imports')
		.map((m) => m.message);
}

describe('the layer rule', () => {
	it('refuses an import against the direction of the layers', () => {
		expect(
			complaints('src/lib/local/goal-repository.ts', "import { x } from '$lib/sync/scheme-api';")
		).toEqual([expect.stringContaining('local may import only domain, protocol')]);
		expect(
			complaints('src/lib/domain/goal.ts', "import type { X } from '$lib/protocol/problems';")
		).toHaveLength(1);
		expect(
			complaints('src/lib/server/metrics.ts', "import { q } from '$lib/privacy/progress-metrics';")
		).toHaveLength(1);
		expect(
			complaints('src/lib/replica/crypto/sealed-box.ts', "import { y } from '$lib/local/db';")
		).toHaveLength(1);
	});

	it('refuses a relative import that climbs out of its layer, at any depth', () => {
		expect(
			complaints('src/lib/local/rows/pair-channel.ts', "import { z } from '../../sync/x';")
		).toEqual([expect.stringContaining('import by name')]);
		expect(
			complaints('src/lib/protocol/wire-check.ts', "import { z } from '../domain/x';")
		).toHaveLength(1);
	});

	it('lets an import go the right way, or stay inside its layer', () => {
		expect(complaints('src/lib/sync/scheme-sync.ts', "import { a } from '$lib/local/db';")).toEqual(
			[]
		);
		expect(complaints('src/lib/local/rows/pair-channel.ts', "import { b } from '../db';")).toEqual(
			[]
		);
		expect(
			complaints('src/lib/server/metrics.ts', "import { c } from '$lib/protocol/wire-check';")
		).toEqual([]);
		expect(
			complaints('src/lib/server/board/board-page.ts', "import { d } from '../db/schema';")
		).toEqual([]);
	});

	it('keeps the screens and the server apart', () => {
		expect(
			complaints('src/routes/+page.svelte.ts', "import { e } from '$lib/server/db';")
		).toHaveLength(1);
		expect(
			complaints('src/lib/components/PairsTable.ts', "import { e } from '$lib/server/dashboard';")
		).toHaveLength(1);
		expect(
			complaints('src/routes/api/v1/metrics/+server.ts', "import { f } from '$lib/local/db';")
		).toHaveLength(1);
		expect(
			complaints('src/routes/api/v1/metrics/+server.ts', "import { g } from '$lib/server/metrics';")
		).toEqual([]);
	});

	it('lets the database schema reach domain and protocol only, by relative path', () => {
		const schema = 'src/lib/server/db/schema/pairs.ts';
		expect(complaints(schema, "import { h } from '../../../domain/board';")).toEqual([]);
		expect(complaints(schema, "import { h } from './people';")).toEqual([]);
		expect(complaints(schema, "import { i } from '../../../local/db';")).toHaveLength(1);
		expect(complaints(schema, "import { j } from '$lib/domain/board';")).toHaveLength(1);
		expect(
			complaints('src/lib/server/db/open-database.ts', "import { k } from '../../sync/x';")
		).toHaveLength(1);
	});
});
