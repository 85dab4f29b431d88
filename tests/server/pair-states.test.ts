import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { PairStatus } from '$lib/domain/pair-lifecycle';
import { dashboardRows } from '$lib/server/dashboard';
import type { Database } from '$lib/server/db/open-database';
import { pairs } from '$lib/server/db/schema';
import { endPair } from '$lib/server/pair-ending';
import { linkDevice } from '$lib/server/pair-link';
import { channelStatus } from '$lib/server/pair-status';
import { rawReport } from '$lib/server/report/evaluation-report';
import { pairsOfParticipant, setPairStatus } from '$lib/server/scheme-pairs';
import { aPairWithDevices } from '../support/scheme-factories';
import { aProof } from '../support/sealed-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const at = (iso: string) => new Date(iso);
const endedRefusal = { ok: false, refusal: 'ended' };

for (const backend of serverDatabaseBackends) {
	describe(`a pair's life on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
		});

		/** A pair both of whose members linked their devices, planned to end on 31 October. */
		async function aLinkedPair() {
			const pair = await aPairWithDevices(db);
			await db.update(pairs).set({ endsOn: '2026-10-31' }).where(eq(pairs.id, pair.pairId));
			const proof = aProof();
			await linkDevice(db, pair.mentorDevice, pair.pairId, proof);
			await linkDevice(db, pair.menteeDevice, pair.pairId, proof);
			return pair;
		}
		type Linked = Awaited<ReturnType<typeof aLinkedPair>>;

		/** The pair as the coordinator's dashboard, each member's device and the channel show it. */
		async function seen(pair: Linked) {
			const [row] = await dashboardRows(db, pair.scheme, '2026-09-01');
			const device = async (participantId: string) =>
				(await pairsOfParticipant(db, participantId)).find((p) => p.id === pair.pairId)!;
			const [mentee, mentor] = [
				await device(pair.mentee.participant.id),
				await device(pair.mentor.participant.id)
			];
			const channel = await channelStatus(db, pair.mentorDevice, pair.pairId);
			if (!channel.ok) throw new Error(channel.error);
			return {
				dashboard: row!.status,
				mentee: mentee.status,
				mentor: mentor.status,
				endsOn: { dashboard: row!.endsOn, mentee: mentee.endsOn, mentor: mentor.endsOn },
				channelEndedAt: channel.value.channel?.endedAt ?? null
			};
		}
		const everywhere = (status: PairStatus, endsOn: string, channelEndedAt: string | null) => ({
			dashboard: status,
			mentee: status,
			mentor: status,
			endsOn: { dashboard: endsOn, mentee: endsOn, mentor: endsOn },
			channelEndedAt
		});

		it('lets the coordinator pause, resume and end; asking twice changes nothing', async () => {
			const pair = await aLinkedPair();
			const move = (to: PairStatus, now: Date) =>
				setPairStatus(db, pair.scheme.id, pair.pairId, to, now);
			expect(await move('paused', at('2026-07-01T09:00:00Z'))).toEqual({ ok: true, changed: true });
			expect(await seen(pair)).toEqual(everywhere('paused', '2026-10-31', null));
			expect(await move('paused', at('2026-07-02T09:00:00Z'))).toEqual({
				ok: true,
				changed: false
			});
			// Resuming keeps the planned end: a pause never touched it.
			expect(await move('active', at('2026-07-03T09:00:00Z'))).toEqual({ ok: true, changed: true });
			expect(await seen(pair)).toEqual(everywhere('active', '2026-10-31', null));
			expect(await move('active', at('2026-07-04T09:00:00Z'))).toEqual({
				ok: true,
				changed: false
			});
			const end = at('2026-09-01T12:00:00Z');
			expect(await move('ended', end)).toEqual({ ok: true, changed: true });
			expect(await seen(pair)).toEqual(everywhere('ended', '2026-09-01', end.toISOString()));
			// Ending again keeps the first end.
			expect(await move('ended', at('2026-09-05T12:00:00Z'))).toEqual({
				ok: true,
				changed: false
			});
			expect(await seen(pair)).toEqual(everywhere('ended', '2026-09-01', end.toISOString()));
		});

		it('lets either member end an active or a paused pair, but not pause or resume it', async () => {
			const active = await aLinkedPair();
			const end = at('2026-09-01T12:00:00Z');
			expect(await endPair(db, active.mentorDevice, active.pairId, end)).toMatchObject({
				ok: true
			});
			expect(await seen(active)).toEqual(everywhere('ended', '2026-09-01', end.toISOString()));

			const paused = await aLinkedPair();
			await setPairStatus(db, paused.scheme.id, paused.pairId, 'paused');
			expect(await endPair(db, paused.menteeDevice, paused.pairId, end)).toMatchObject({
				ok: true
			});
			expect(await seen(paused)).toEqual(everywhere('ended', '2026-09-01', end.toISOString()));
			// The device API has no request to pause or resume: only the end.
		});

		for (const ender of ['coordinator', 'mentee', 'mentor'] as const)
			for (const from of ['active', 'paused'] as const)
				it(`keeps a pair the ${ender} ended while ${from} ended, for everyone`, async () => {
					const pair = await aLinkedPair();
					if (from === 'paused') await setPairStatus(db, pair.scheme.id, pair.pairId, 'paused');
					const end = at('2026-09-01T12:00:00Z');
					if (ender === 'coordinator')
						await setPairStatus(db, pair.scheme.id, pair.pairId, 'ended', end);
					else await endPair(db, pair[`${ender}Device`], pair.pairId, end);
					const ended = everywhere('ended', '2026-09-01', end.toISOString());
					expect(await seen(pair)).toEqual(ended);

					const later = at('2026-09-10T12:00:00Z');
					for (const to of ['active', 'paused'] as const)
						expect(await setPairStatus(db, pair.scheme.id, pair.pairId, to, later)).toEqual(
							endedRefusal
						);
					for (const device of [pair.menteeDevice, pair.mentorDevice])
						expect(await endPair(db, device, pair.pairId, later)).toEqual({
							ok: true,
							value: { endedAt: end.toISOString(), endsOn: '2026-09-01' }
						});
					expect(await seen(pair)).toEqual(ended);
				});

		it('shows a pair resumed by hand over its closed channel as ended, and refuses to move it', async () => {
			const pair = await aLinkedPair();
			const end = at('2026-09-01T12:00:00Z');
			await endPair(db, pair.menteeDevice, pair.pairId, end);
			// What the old action did with a crafted "resume": the status only.
			await db.update(pairs).set({ status: 'active' }).where(eq(pairs.id, pair.pairId));
			expect(await seen(pair)).toEqual(everywhere('ended', '2026-09-01', end.toISOString()));
			expect(await setPairStatus(db, pair.scheme.id, pair.pairId, 'paused')).toEqual(endedRefusal);
			expect(await setPairStatus(db, pair.scheme.id, pair.pairId, 'active')).toEqual(endedRefusal);
			const report = await rawReport(db, pair.scheme, 'pilot', '2027-01-01');
			expect(report.pairs).toMatchObject({ formed: 1, active: 0, ended: 1 });
		});

		it("answers not-found for another scheme's pair, an unknown one and a malformed id", async () => {
			const mine = await aLinkedPair();
			const theirs = await aLinkedPair();
			for (const pairId of [theirs.pairId, randomUUID(), 'not-a-uuid'])
				expect(await setPairStatus(db, mine.scheme.id, pairId, 'ended')).toEqual({
					ok: false,
					refusal: 'not-found'
				});
			expect(await seen(theirs)).toEqual(everywhere('active', '2026-10-31', null));
		});
	});
}
