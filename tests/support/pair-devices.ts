import { randomUUID } from 'node:crypto';
import { newPairKey } from '$lib/replica/crypto/pair-crypto';
import { PairSync } from '$lib/sync/pair-sync';
import { recordFits } from '$lib/replica/record-checks';
import { sharedTables } from '$lib/replica/shared-tables';
import type { MockPairServer } from './mock-pair-server';
import { testRepositories } from './test-db';

export type TestDevice = Awaited<ReturnType<typeof aDevice>>;

/** A set-up device (profile and a pair) of one member of a pair, known to the mock server. */
export async function aDevice(
	server: MockPairServer,
	who: { role: 'mentor' | 'mentee'; participant: string; partner?: string }
) {
	const { db, clock, repos } = testRepositories();
	const localPairId = randomUUID();
	await repos.welcome(
		localPairId,
		{ role: who.role, name: `${who.role} ${who.participant}`, language: 'en' },
		{ partnerName: who.partner ?? 'Partner', startedOn: '2026-05-01', endsOn: null }
	);
	const credential = server.addDevice(randomUUID(), who.participant, who.role);
	const engine = new PairSync(repos.pairChannels, server, recordFits);
	return {
		server,
		db,
		clock,
		repos,
		localPairId,
		credential,
		role: who.role,
		sync: () => engine.run(credential),
		channel: () => repos.pairChannels.forLocalPair(localPairId)
	};
}

/** A mentor's and a mentee's device, linked to one pair under one key. */
export async function aLinkedPair(server: MockPairServer, pairId = randomUUID()) {
	server.addPair(pairId, ['mentor-1', 'mentee-1']);
	const mentor = await aDevice(server, { role: 'mentor', participant: 'mentor-1' });
	const mentee = await aDevice(server, { role: 'mentee', participant: 'mentee-1' });
	const key = newPairKey();
	await mentor.repos.pairChannels.link(pairId, mentor.localPairId, key);
	await mentee.repos.pairChannels.link(pairId, mentee.localPairId, key);
	return { pairId, key, mentor, mentee };
}

/** The pair's shared records on a device, comparable across devices (own pair id and write time aside). */
export async function sharedRecordsOf(device: TestDevice) {
	const tables: Record<string, unknown[]> = {};
	for (const table of sharedTables) {
		const rows = (await device.db.table(table).toArray()) as {
			pairId: string;
			id: string;
			updatedAt: string;
		}[];
		tables[table] = rows
			.filter((r) => r.pairId === device.localPairId)
			.map(({ pairId: _pair, updatedAt: _at, ...rest }) => rest)
			.sort((a, b) => String(a.id).localeCompare(String(b.id)));
	}
	return tables;
}
