import type { Transaction } from 'dexie';
import { newNodeId, stampFromTimestamp } from '$lib/replica/hybrid-clock';
import { replicaKey, type ReplicaState } from '$lib/replica/replica-merge';
import { sharedTables, toFields } from '$lib/replica/shared-tables';
import type { ClockRow } from './replica-tracking';

/**
 * The upgrade to schema 3: gives every shared record written before it a merge state, each
 * field stamped with the record's last change, so a pair linked later shares it all and a
 * newer edit on the other device still wins.
 */
export async function seedReplicaState(tx: Transaction): Promise<void> {
	const node = newNodeId((bytes) => crypto.getRandomValues(bytes));
	let wall = 0;
	const states: ReplicaState[] = [];
	for (const table of sharedTables) {
		const records = (await tx.table(table).toArray()) as {
			id: string;
			pairId: string;
			updatedAt: string;
		}[];
		for (const record of records) {
			const stamp = stampFromTimestamp(record.updatedAt, node);
			const fields = toFields(table, record);
			const clocks = Object.fromEntries(Object.keys(fields).map((f) => [f, stamp]));
			states.push({
				key: replicaKey(table, record.id),
				table,
				id: record.id,
				pairId: record.pairId,
				fields,
				clocks
			});
			wall = Math.max(wall, Date.parse(record.updatedAt) || 0);
		}
	}
	await tx.table('replicaState').bulkPut(states);
	const clock: ClockRow = { key: 'clock', wall, counter: 0, node };
	await tx.table('replicaMeta').put(clock);
}
