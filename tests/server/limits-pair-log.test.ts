import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/open-database';
import { pairChannels } from '$lib/server/db/schema';
import { linkDevice } from '$lib/server/pair-link';
import { pullOps } from '$lib/server/pair-pull';
import { pushOps } from '$lib/server/pair-push';
import { aProof, aPush, aSealedOp } from '../support/sealed-factories';
import { withSettings } from '../support/limit-settings';
import { aPairWithDevices } from '../support/scheme-factories';
import { serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

/** A pair whose two members' devices are linked to its channel. */
async function linkedPair(db: Database) {
	const pair = await aPairWithDevices(db);
	const proof = aProof();
	await linkDevice(db, pair.mentorDevice, pair.pairId, proof);
	await linkDevice(db, pair.menteeDevice, pair.pairId, proof);
	return pair;
}

const counters = async (db: Database, pairId: string) =>
	(await db.select().from(pairChannels).where(eq(pairChannels.pairId, pairId)))[0]!;

for (const backend of serverDatabaseBackends) {
	describe(`a pair log's limits on ${backend.name}`, () => {
		let db: Database;
		useFreshDatabase(backend, (open) => (db = open.db));
		withSettings({ LIMIT_PAIR_LOG_OPERATIONS: '5', LIMIT_PAIR_LOG_BYTES: '1000' });

		it('keeps exact counts, refuses a push past the operations whole, and still reads', async () => {
			const { pairId, menteeDevice, mentorDevice } = await linkedPair(db);
			const first = aPush(3, 40);
			expect(await pushOps(db, menteeDevice, pairId, first)).toMatchObject({ ok: true });
			// A retry stores nothing and counts nothing.
			expect(await pushOps(db, menteeDevice, pairId, first)).toMatchObject({
				ok: true,
				value: { stored: 0, duplicates: 3 }
			});
			expect(await counters(db, pairId)).toMatchObject({ opCount: 3, opBytes: 3 * 40 });
			const over = await pushOps(db, mentorDevice, pairId, aPush(3, 40));
			expect(over).toMatchObject({
				ok: false,
				error: 'over-limit',
				limit: 'pair-log-operations',
				max: 5
			});
			expect(await counters(db, pairId)).toMatchObject({ opCount: 3 });
			expect(await pushOps(db, mentorDevice, pairId, aPush(2, 40))).toMatchObject({ ok: true });
			const pulled = await pullOps(db, mentorDevice, pairId, { after: 0, limit: 500 });
			expect(pulled.ok && pulled.value.ops).toHaveLength(3);
		});

		it('refuses a push past the bytes', async () => {
			const { pairId, menteeDevice } = await linkedPair(db);
			expect(await pushOps(db, menteeDevice, pairId, aPush([aSealedOp(900)]))).toMatchObject({
				ok: true
			});
			expect(await pushOps(db, menteeDevice, pairId, aPush([aSealedOp(101)]))).toMatchObject({
				ok: false,
				limit: 'pair-log-bytes',
				max: 1000
			});
			expect(await counters(db, pairId)).toMatchObject({ opCount: 1, opBytes: 900 });
		});
	});
}
