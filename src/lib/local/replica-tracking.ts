import type {
	DBCore,
	DBCoreKeyRange,
	DBCoreMutateRequest,
	DBCoreTable,
	DBCoreTransaction,
	Middleware
} from 'dexie';
import { newNodeId, type ClockState } from '$lib/replica/hybrid-clock';
import type { PairChannel, PairOutboxMessage } from '$lib/local/rows/pair-channel';
import { splitIntoMessages } from '$lib/replica/message-batches';
import {
	replicaKey,
	stampLocalEdit,
	type Change,
	type ReplicaState
} from '$lib/replica/replica-merge';
import { isSharedTable, toFields, type SharedTable } from '$lib/replica/shared-tables';

/**
 * Every write to a shared table, whichever repository or import makes it, passes through
 * here in the same transaction: the fields it changes get a new stamp in the record's merge
 * state, and when the pair is linked the change joins the pair's outbox. So no write path can
 * forget to share an edit, and a write and its outbox entry commit or fail together.
 */

export const replicaTables = ['replicaState', 'replicaMeta', 'pairChannels', 'pairOutbox'] as const;

type Marked = DBCoreTransaction & { tandemRemote?: boolean };

/**
 * Marks a transaction as applying what came from elsewhere (another device, a backup): its
 * writes already carry their stamps and are merged by the caller, not stamped again here.
 */
export function markAsMerge(idbtrans: unknown): void {
	(idbtrans as Marked).tandemRemote = true;
}

export interface ClockRow extends ClockState {
	key: 'clock';
}

/** The device's clock as stored, or a new one with a random node id on first use. */
export function clockOrNew(row: ClockRow | undefined): ClockRow {
	return (
		row ?? { key: 'clock', wall: 0, counter: 0, node: newNodeId((b) => crypto.getRandomValues(b)) }
	);
}

function track(down: DBCore, table: SharedTable, inner: DBCoreTable): DBCoreTable {
	return {
		...inner,
		async mutate(req: DBCoreMutateRequest) {
			if ((req.trans as Marked).tandemRemote) return inner.mutate(req);
			if (req.type !== 'put' && req.type !== 'add') {
				throw new Error(`Shared records (${table}) are tombstoned, never deleted outright`);
			}
			const { trans } = req;
			const values = req.values as { id: string; pairId: string }[];
			const states = down.table('replicaState');
			const meta = down.table('replicaMeta');
			const keys = values.map((v) => replicaKey(table, v.id));
			const held = new Map<string, ReplicaState>();
			for (const s of (await states.getMany({ trans, keys })) as (ReplicaState | undefined)[]) {
				if (s) held.set(s.key, s);
			}
			let clock = clockOrNew((await meta.get({ trans, key: 'clock' })) as ClockRow | undefined);
			const now = Date.now();
			const changes: Change[] = [];
			for (const value of values) {
				const key = replicaKey(table, value.id);
				const previous = held.get(key);
				const fields = toFields(table, value, previous?.fields);
				const edit = stampLocalEdit(previous, table, value.id, value.pairId, fields, clock, now);
				if (!edit) continue;
				clock = { ...edit.clock, key: 'clock' };
				held.set(key, edit.state);
				changes.push(edit.change);
			}
			if (changes.length > 0) {
				const touched = new Set(changes.map((c) => replicaKey(c.t, c.r)));
				await states.mutate({
					type: 'put',
					trans,
					values: [...held.values()].filter((s) => touched.has(s.key))
				});
				await meta.mutate({ type: 'put', trans, values: [clock] });
				await queueForPartner(down, trans, values, changes);
			}
			return inner.mutate(req);
		}
	};
}

// DBCoreRangeType.Any: a const enum, which isolated modules cannot import.
const wholeTable = { type: 3, lower: undefined, upper: undefined } as DBCoreKeyRange;

/** Queues the changes of records whose pair is linked, one message per batch, in order. */
async function queueForPartner(
	down: DBCore,
	trans: DBCoreTransaction,
	values: readonly { id: string; pairId: string }[],
	changes: readonly Change[]
): Promise<void> {
	const channels = down.table('pairChannels');
	const linked = (
		(await channels.query({
			trans,
			values: true,
			query: { index: channels.schema.primaryKey, range: wholeTable }
		})) as { result: PairChannel[] }
	).result.filter((c) => c.state === 'linked');
	if (linked.length === 0) return;
	const pairOf = new Map(values.map((v) => [v.id, v.pairId]));
	const createdAt = new Date().toISOString();
	const messages: PairOutboxMessage[] = [];
	for (const channel of linked) {
		const mine = changes.filter((c) => pairOf.get(c.r) === channel.localPairId);
		for (const batch of splitIntoMessages(mine)) {
			messages.push({ id: crypto.randomUUID(), channelId: channel.id, createdAt, changes: batch });
		}
	}
	if (messages.length > 0) {
		await down.table('pairOutbox').mutate({ type: 'add', trans, values: messages });
	}
}

/** The Dexie middleware; registered on the device's database. */
export const replicaTracking: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'replica-tracking',
	create(down) {
		return {
			...down,
			// A write to a shared table also writes its merge state and outbox: widen its
			// transaction to those tables, so all of it commits or none of it does.
			transaction(stores, mode, options) {
				const widened =
					mode === 'readwrite' && stores.some(isSharedTable)
						? [...new Set([...stores, ...replicaTables])]
						: stores;
				return down.transaction(widened, mode, options);
			},
			table(name) {
				const inner = down.table(name);
				return isSharedTable(name) ? track(down, name, inner) : inner;
			}
		};
	}
};
