import type { ExportFile } from '$lib/domain/export-file';
import type { SurveyAnswer } from '$lib/domain/survey';
import { isNewer, type RecordEnvelope } from '$lib/domain/record';
import { sharedWinKey, sharedWinPrefix, type SharedWin } from '$lib/local/rows/board-cache';
import { receive, stampTime } from '$lib/replica/hybrid-clock';
import type { HeldMessage, PairChannel, PairOutboxMessage } from '$lib/local/rows/pair-channel';
import type { Publication } from '$lib/local/rows/publication-record';
import {
	latestStamp,
	mergeChange,
	stateAsChanges,
	type ReplicaState
} from '$lib/replica/replica-merge';
import type { SchemePairLink } from '$lib/local/rows/scheme-membership';
import { fromFields, sharedTables, type SharedTable } from '$lib/replica/shared-tables';
import type { Clock } from './clock';
import { dataTables, type TandemDb } from './db';
import type { RecordCheck } from '$lib/replica/record-checks';
import { clockOrNew, markAsMerge } from './replica-tracking';
import { currentSchemaVersion } from './schema-history';
import { mergeSurveyAnswer } from './survey-answer-merge';

/** A pair link as a backup keeps it: the key and which pair it is, not how far it had read. */
export type BackedUpChannel = Pick<
	PairChannel,
	'id' | 'localPairId' | 'key' | 'state' | 'linkedAt' | 'endedAt'
>;

/**
 * Everything on a device worth having back on a new one: all the person's records (journal
 * and preparation notes included), each shared record's merge state, the pair keys, changes
 * not yet sent, which of the scheme's pairs each local pair is, and the pen picture or needs
 * being written.
 */
export interface BackupSnapshot {
	format: 'tandem-backup';
	schemaVersion: number;
	takenAt: string;
	tables: ExportFile['tables'];
	replica: {
		states: ReplicaState[];
		channels: BackedUpChannel[];
		outbox: PairOutboxMessage[];
		held: HeldMessage[];
		schemePairs: SchemePairLink[];
	};
	/** Absent from backups made before matching (schema version 3). */
	publications?: Publication[];
	/** The person's check-in answers, comments kept to themselves included (schema 5 on). */
	surveyAnswers?: SurveyAnswer[];
	/** Which wins the person shared to the board, and as which posts (schema 5 on). */
	sharedWins?: SharedWin[];
}

const replicaTables = ['replicaState', 'pairChannels', 'pairOutbox', 'heldMessages', 'schemePairs'];

export async function takeSnapshot(db: TandemDb, clock: Clock): Promise<BackupSnapshot> {
	const tables = [...dataTables, ...replicaTables, 'publications', 'surveyAnswers', 'boardMeta'];
	return db.transaction('r', tables, async () => {
		const tables = {} as Record<string, unknown[]>;
		for (const t of dataTables) tables[t] = await db.table(t).toArray();
		const channels = await db.pairChannels.toArray();
		return {
			format: 'tandem-backup' as const,
			schemaVersion: currentSchemaVersion,
			takenAt: clock().toISOString(),
			tables: tables as ExportFile['tables'],
			replica: {
				states: await db.replicaState.toArray(),
				channels: channels.map(({ id, localPairId, key, state, linkedAt, endedAt }) => ({
					id,
					localPairId,
					key,
					state,
					linkedAt,
					endedAt
				})),
				outbox: await db.pairOutbox.toArray(),
				held: await db.heldMessages.toArray(),
				schemePairs: await db.schemePairs.toArray()
			},
			// How the last attempt went is this device's news, not content worth a new backup.
			publications: (await db.publications.toArray()).map((p) => ({ ...p, lastProblem: null })),
			surveyAnswers: await db.surveyAnswers.toArray(),
			sharedWins: await sharedWinsOn(db)
		};
	});
}

/** What a snapshot says, without when it was taken: unchanged content needs no new backup. */
export function snapshotContent(snapshot: BackupSnapshot): string {
	const { tables, replica, publications, surveyAnswers, sharedWins } = snapshot;
	return JSON.stringify({ tables, replica, publications, surveyAnswers, sharedWins });
}

function sharedWinsOn(db: TandemDb): Promise<SharedWin[]> {
	return db.boardMeta.where('key').startsWith(sharedWinPrefix).toArray() as Promise<SharedWin[]>;
}

/**
 * The backup's own ids for its pairs, mapped to this device's where this device already knows
 * the same scheme pair (a second backup of the same person, from their laptop, say).
 */
function pairIdMap(
	snapshot: BackupSnapshot,
	links: readonly SchemePairLink[]
): Map<string, string> {
	const here = new Map(links.map((l) => [l.id, l.localPairId]));
	const map = new Map<string, string>();
	for (const link of snapshot.replica.schemePairs) {
		const local = here.get(link.id);
		if (local && local !== link.localPairId) map.set(link.localPairId, local);
	}
	return map;
}

export interface RestoreCounts {
	added: number;
	updated: number;
}

/**
 * Merges a backup into this device in one transaction. Records this device lacks are added as
 * they were; a newer copy here is kept; shared records merge field by field as if the backup
 * were another device, so restoring never undoes a later edit the partner made.
 */
export async function restoreSnapshot(
	db: TandemDb,
	clock: Clock,
	snapshot: BackupSnapshot,
	check: RecordCheck
): Promise<RestoreCounts> {
	if (snapshot.format !== 'tandem-backup' || snapshot.schemaVersion > currentSchemaVersion) {
		throw new Error('This backup was made by a newer version of Tandem');
	}
	const tables = [
		...dataTables,
		...replicaTables,
		'replicaMeta',
		'publications',
		'surveyAnswers',
		'boardMeta'
	];
	return db.transaction('rw', tables, async (tx) => {
		markAsMerge(tx.idbtrans);
		const map = pairIdMap(snapshot, await db.schemePairs.toArray());
		const pairOf = (id: string) => map.get(id) ?? id;
		const counts = { added: 0, updated: 0 };

		const ownTables = dataTables.filter((t) => !(sharedTables as string[]).includes(t));
		for (const t of ownTables) {
			const rows = (snapshot.tables[t] as (RecordEnvelope & Record<string, unknown>)[]).filter(
				(r) => !(t === 'pairs' && map.has(r.id))
			);
			const remapped = rows.map((r) => ({
				...r,
				...(typeof r.pairId === 'string' ? { pairId: pairOf(r.pairId) } : {}),
				...(typeof r.currentPairId === 'string' ? { currentPairId: pairOf(r.currentPairId) } : {})
			}));
			const table = db.table(t);
			const existing = (await table.bulkGet(remapped.map((r) => r.id))) as (
				RecordEnvelope | undefined
			)[];
			const writes = remapped.filter((r, i) => isNewer(r, existing[i]));
			const replaced = writes.filter((r) => existing.some((e) => e?.id === r.id)).length;
			counts.updated += replaced;
			counts.added += writes.length - replaced;
			await table.bulkPut(writes);
		}

		let clockRow = clockOrNew(await db.replicaMeta.get('clock'));
		const now = clock().getTime();
		const backedUp = new Map<string, Record<string, unknown>>();
		for (const t of sharedTables) {
			for (const r of snapshot.tables[t] as { id: string }[]) backedUp.set(`${t}/${r.id}`, r);
		}
		const states = snapshot.replica.states.map((s) => ({ ...s, pairId: pairOf(s.pairId) }));
		const held = await db.replicaState.bulkGet(states.map((s) => s.key));
		const stateWrites: ReplicaState[] = [];
		const recordWrites = new Map<SharedTable, unknown[]>();
		for (const [i, state] of states.entries()) {
			const local = held[i];
			let merged = local ?? state;
			if (local) {
				for (const change of stateAsChanges(state)) {
					merged = mergeChange(merged, change, local.pairId).state;
				}
			}
			const stamp = latestStamp(merged);
			if (stamp) clockRow = { ...receive(clockRow, stamp, now), key: 'clock' };
			if (local && JSON.stringify(merged) === JSON.stringify(local)) continue;
			stateWrites.push(merged);
			// Untouched by this device, the backup's record goes back exactly as it was.
			const original = backedUp.get(state.key);
			const record =
				!local && original
					? { ...original, pairId: merged.pairId }
					: fromFields(merged.table, merged.id, merged.pairId, merged.fields, stampTime(stamp!));
			if (!record || !check(merged.table, record)) continue;
			if (local) counts.updated++;
			else counts.added++;
			const rows = recordWrites.get(merged.table) ?? [];
			rows.push(record);
			recordWrites.set(merged.table, rows);
		}
		await db.replicaState.bulkPut(stateWrites);
		for (const [t, rows] of recordWrites) await db.table(t).bulkPut(rows);
		await db.replicaMeta.put(clockRow);

		for (const channel of snapshot.replica.channels) {
			if (await db.pairChannels.get(channel.id)) continue;
			await db.pairChannels.put({
				...channel,
				localPairId: pairOf(channel.localPairId),
				// This device has yet to prove it holds the key, and reads the log from the start.
				registered: false,
				cursor: 0,
				lastSyncedAt: null,
				lastProblem: null,
				rejected: 0,
				devices: []
			});
		}
		await db.pairOutbox.bulkPut(snapshot.replica.outbox);
		await db.heldMessages.bulkPut(snapshot.replica.held);
		for (const link of snapshot.replica.schemePairs) {
			if (!(await db.schemePairs.get(link.id))) {
				await db.schemePairs.put({ ...link, localPairId: pairOf(link.localPairId) });
			}
		}
		// The draft written last wins, with what the person had asked of the scheme for it.
		for (const publication of snapshot.publications ?? []) {
			const here = await db.publications.get(publication.kind);
			if (!here || here.editedAt < publication.editedAt) {
				await db.publications.put(publication);
				if (here) counts.updated++;
				else counts.added++;
			}
		}
		for (const answer of snapshot.surveyAnswers ?? []) {
			const merged = await mergeSurveyAnswer(db, answer);
			if (merged !== 'unchanged') counts[merged]++;
		}
		// So a restored win still says it is on the board, and deleting it still withdraws it.
		for (const shared of snapshot.sharedWins ?? []) {
			if (shared.key !== sharedWinKey(shared.winId)) continue;
			const here = (await db.boardMeta.get(shared.key)) as SharedWin | undefined;
			if (!here || here.sharedAt < shared.sharedAt) await db.boardMeta.put(shared);
		}
		return counts;
	});
}
