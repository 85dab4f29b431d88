import * as v from 'valibot';
import { exportFile, exportFormat, type ExportFile } from '$lib/domain/export-file';
import { isNewer, type RecordEnvelope } from '$lib/domain/record';
import type { Clock } from './clock';
import { dataTables, type DataTable, type TandemDb } from './db';
import { currentSchemaVersion } from './schema-history';
import { writing } from './storage-full';
import { mergeSurveyAnswer } from './survey-answer-merge';

export type ImportOutcome =
	| { ok: true; added: number; updated: number; unchanged: number }
	| { ok: false; reason: 'not_json' | 'not_tandem' | 'newer_version' | 'damaged'; detail?: string };

type Stamped = Pick<RecordEnvelope, 'id' | 'updatedAt'>;

/** Export, import and erase: the person's whole device data as one file. */
export class DataTransfer {
	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock
	) {}

	/** Everything, tombstones included, so that an import elsewhere also carries deletions. */
	async exportAll(): Promise<ExportFile> {
		return this.db.transaction(
			'r',
			[...dataTables.map((t) => this.db.table(t)), this.db.surveyAnswers],
			async () => {
				const tables = {} as Record<DataTable, unknown[]>;
				for (const t of dataTables) tables[t] = await this.db.table(t).toArray();
				return {
					format: exportFormat,
					schemaVersion: currentSchemaVersion,
					exportedAt: this.clock().toISOString(),
					tables: tables as ExportFile['tables'],
					surveyAnswers: await this.db.surveyAnswers.toArray()
				};
			}
		);
	}

	/**
	 * Merges a file into the device in one transaction: a record the device lacks is added, a
	 * newer copy replaces an older one, and nothing is duplicated, so importing twice is harmless.
	 */
	async importFile(text: string): Promise<ImportOutcome> {
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			return { ok: false, reason: 'not_json' };
		}
		if ((json as { format?: unknown } | null)?.format !== exportFormat) {
			return { ok: false, reason: 'not_tandem' };
		}
		const parsed = v.safeParse(exportFile, json);
		if (!parsed.success) {
			return { ok: false, reason: 'damaged', detail: v.getDotPath(parsed.issues[0]) ?? undefined };
		}
		if (parsed.output.schemaVersion > currentSchemaVersion) {
			return { ok: false, reason: 'newer_version' };
		}
		const file = parsed.output;
		return writing(() =>
			this.db.transaction(
				'rw',
				[...dataTables.map((t) => this.db.table(t)), this.db.surveyAnswers],
				async () => {
					let added = 0;
					let updated = 0;
					let unchanged = 0;
					for (const t of dataTables) {
						const incoming = file.tables[t] as Stamped[];
						const table = this.db.table<Stamped, string>(t);
						const existing = await table.bulkGet(incoming.map((r) => r.id));
						const writes = incoming.filter((record, i) => {
							const current = existing[i];
							if (!isNewer(record, current)) {
								unchanged++;
								return false;
							}
							if (current === undefined) added++;
							else updated++;
							return true;
						});
						await table.bulkPut(writes);
					}
					for (const answer of file.surveyAnswers) {
						const merged = await mergeSurveyAnswer(this.db, answer);
						if (merged === 'added') added++;
						else if (merged === 'updated') updated++;
						else unchanged++;
					}
					return { ok: true as const, added, updated, unchanged };
				}
			)
		);
	}

	/** Deletes the whole database; the app starts again from the welcome screen. */
	async eraseEverything(): Promise<void> {
		this.db.close();
		await this.db.delete();
	}
}
