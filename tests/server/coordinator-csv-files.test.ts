import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '$lib/server/db/open-database';
import { surveyResponses } from '$lib/server/db/schema';
import { createPair } from '$lib/server/scheme-pairs';
import type { Scheme } from '$lib/server/schemes';
import { aCoordinator, aJoinedParticipant, aScheme } from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

// The files are downloaded as the signed-in coordinator of `signedIn.scheme`.
const signedIn = vi.hoisted(() => ({ db: undefined as unknown, scheme: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ database: async () => ({ db: signedIn.db }) }));
vi.mock('$lib/server/coordinator-session', () => ({
	coordinatedScheme: async () => ({ user: {}, scheme: signedIn.scheme })
}));

const pairsCsv = await import('../../src/routes/coordinator/schemes/[schemeId]/pairs.csv/+server');
const reportCsv =
	await import('../../src/routes/coordinator/schemes/[schemeId]/report.csv/+server');

async function download(handler: (event: never) => Response | Promise<Response>, query = '') {
	const url = new URL(`http://localhost/coordinator/schemes/x/file.csv${query}`);
	const response = await handler({ request: new Request(url), url, params: {} } as never);
	expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
	return response.text();
}

/** Every field of the file as spreadsheets with a comma, a `;` or a tab as separator read it. */
const fieldsInEveryView = (document: string) =>
	[',', ';', '\t'].flatMap((delimiter) =>
		parse(document, { bom: true, delimiter, relax_quotes: true, relax_column_count: true }).flat()
	) as string[];
const runsAsFormula = (field: string) =>
	!/^-?\d+(\.\d+)?$/.test(field) && /^\s*[=+\-@]/.test(field);

for (const backend of serverDatabaseBackends) {
	describe(`the coordinator's CSV files on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
			signedIn.db = db;
		});

		async function aHostileScheme(): Promise<Scheme> {
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id, '=Mentoring;@SUM(1)');
			signedIn.scheme = scheme;
			const mentor = await aJoinedParticipant(db, scheme.id, coordinator.id, 'mentor', 'Ann;=1+2');
			const mentee = await aJoinedParticipant(db, scheme.id, coordinator.id, 'mentee', '-2+3');
			const created = await createPair(db, scheme.id, {
				mentorId: mentor.participant.id,
				menteeId: mentee.participant.id,
				startsOn: '2026-05-01',
				endsOn: null
			});
			if (!created.ok) throw new Error('pair');
			await db.insert(surveyResponses).values({
				id: randomUUID(),
				schemeId: scheme.id,
				pairId: created.pairId,
				participantId: mentee.participant.id,
				role: 'mentee',
				checkpoint: 'baseline',
				answeredAt: new Date('2026-05-03T10:00:00Z'),
				confidence: 3,
				outcomes: [],
				comment: 'It helped "a lot"\n=HYPERLINK("http://evil.example");\t@me'
			});
			return scheme;
		}

		it('defuse what the participants and the coordinator typed, in the pairs and the report', async () => {
			await aHostileScheme();
			const pairs = await download(pairsCsv.GET);
			const report = await download(reportCsv.GET, '?report=pilot');
			for (const document of [pairs, report])
				expect(fieldsInEveryView(document).filter(runsAsFormula)).toEqual([]);

			const [, row] = parse(pairs, { bom: true }) as string[][];
			expect(row!.slice(0, 3)).toEqual(["Ann;'=1+2", "'-2+3", 'Active']);
			const comment = (parse(report, { bom: true }) as string[][]).find((r) =>
				r[3]!.startsWith('It helped')
			);
			expect(comment![3]).toBe('It helped "a lot"\n\'=HYPERLINK("http://evil.example");\t\'@me');
		});
	});
}
