import { randomBytes, randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/open-database';
import { pairChannels, pairLinkOffers, pairOps, pairs } from '$lib/server/db/schema';
import type { DeviceIdentity } from '$lib/server/devices';
import { endPair } from '$lib/server/pair-ending';
import { linkDevice } from '$lib/server/pair-link';
import { fetchOffer, putOffer, withdrawOffer } from '$lib/server/pair-offers';
import { channelStatus } from '$lib/server/pair-status';
import { parsePullQuery, pullOps } from '$lib/server/pair-pull';
import { pushOps } from '$lib/server/pair-push';
import { setPairStatus } from '$lib/server/scheme-pairs';
import type { PulledOp } from '$lib/protocol/pair-protocol';
import { aPairIn, aPairWithDevices, identityOf } from '../support/scheme-factories';
import { aProof, aPush, aSealedOp, anOffer, nonCanonical } from '../support/sealed-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const at = (iso: string) => new Date(iso);
const notInPair = { ok: false, error: 'not-in-pair', field: 'pair' };
const notLinked = { ok: false, error: 'not-linked' };
const ended = { ok: false, error: 'ended' };

/** Pulls page after page until the server says there is no more, as a device's sync does. */
async function pullAll(db: Database, who: DeviceIdentity, pairId: string, after = 0, limit = 500) {
	const ops: PulledOp[] = [];
	for (;;) {
		const page = await pullOps(db, who, pairId, { after, limit });
		if (!page.ok) throw new Error(page.error);
		ops.push(...page.value.ops);
		after = page.value.cursor;
		if (!page.value.more) return { ops, cursor: after };
	}
}

const ids = (ops: readonly { id: string }[]) => ops.map((op) => op.id);

describe('the pull query', () => {
	it('defaults to the whole log, one full page at a time', () => {
		expect(parsePullQuery(new URLSearchParams())).toEqual({
			ok: true,
			value: { after: 0, limit: 500 }
		});
		expect(parsePullQuery(new URLSearchParams('after=42&limit=1'))).toEqual({
			ok: true,
			value: { after: 42, limit: 1 }
		});
	});

	it('names the parameter that is wrong', () => {
		for (const after of ['-1', 'abc', '', '1.5', '1e3', '99999999999999999']) {
			expect(parsePullQuery(new URLSearchParams({ after }))).toMatchObject({
				ok: false,
				field: 'after'
			});
		}
		for (const limit of ['0', '501', '-3', 'ten', '', '2.0']) {
			expect(parsePullQuery(new URLSearchParams({ limit }))).toMatchObject({
				ok: false,
				field: 'limit'
			});
		}
	});
});

for (const backend of serverDatabaseBackends) {
	describe(`the pair channel on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
		});

		/** A pair whose two members' devices have both linked with the same proof. */
		async function aLinkedPair() {
			const pair = await aPairWithDevices(db);
			const proof = aProof();
			expect(await linkDevice(db, pair.mentorDevice, pair.pairId, proof)).toMatchObject({
				ok: true
			});
			expect(await linkDevice(db, pair.menteeDevice, pair.pairId, proof)).toMatchObject({
				ok: true
			});
			return { ...pair, proof };
		}

		const channelsOf = async (pairId: string) =>
			(
				await db.select({ n: count() }).from(pairChannels).where(eq(pairChannels.pairId, pairId))
			)[0]!.n;

		describe('linking', () => {
			it('creates the channel with the first device; the partner links with the same proof', async () => {
				const { mentorDevice, menteeDevice, pairId } = await aPairWithDevices(db);
				const proof = aProof();
				expect(await linkDevice(db, mentorDevice, pairId, proof)).toEqual({
					ok: true,
					value: { created: true }
				});
				expect(await linkDevice(db, menteeDevice, pairId, proof)).toEqual({
					ok: true,
					value: { created: false }
				});
				expect(await linkDevice(db, mentorDevice, pairId, proof)).toEqual({
					ok: true,
					value: { created: false }
				});
				const status = await channelStatus(db, mentorDevice, pairId);
				expect(status.ok && status.value.devices).toHaveLength(2);
				expect(await channelsOf(pairId)).toBe(1);
			});

			it('creates the channel once when both devices link at the same moment', async () => {
				const { mentorDevice, menteeDevice, pairId } = await aPairWithDevices(db);
				const proof = aProof();
				const links = await Promise.all([
					linkDevice(db, mentorDevice, pairId, proof),
					linkDevice(db, menteeDevice, pairId, proof)
				]);
				expect(links.map((l) => l.ok && l.value.created).sort()).toEqual([false, true]);
				expect(await channelsOf(pairId)).toBe(1);
				const status = await channelStatus(db, menteeDevice, pairId);
				expect(status.ok && status.value.devices).toHaveLength(2);
			});

			it('makes the loser of a race compare against the winner', async () => {
				const { mentorDevice, menteeDevice, pairId } = await aPairWithDevices(db);
				const links = await Promise.all([
					linkDevice(db, mentorDevice, pairId, aProof()),
					linkDevice(db, menteeDevice, pairId, aProof())
				]);
				expect(links.filter((l) => l.ok && l.value.created)).toHaveLength(1);
				expect(links.filter((l) => !l.ok)).toEqual([{ ok: false, error: 'key-mismatch' }]);
				expect(await channelsOf(pairId)).toBe(1);
			});

			it('refuses a wrong proof, and links nothing', async () => {
				const { mentorDevice, menteeDevice, pairId } = await aPairWithDevices(db);
				await linkDevice(db, mentorDevice, pairId, aProof());
				expect(await linkDevice(db, menteeDevice, pairId, aProof())).toEqual({
					ok: false,
					error: 'key-mismatch'
				});
				const status = await channelStatus(db, menteeDevice, pairId);
				expect(status).toMatchObject({ ok: true, value: { linked: false } });
			});

			it("links a member's second device with the same proof", async () => {
				const { mentorDevice, anotherDevice, pairId, proof } = await aLinkedPair();
				const phone = await anotherDevice('mentee');
				expect(await linkDevice(db, phone, pairId, proof)).toEqual({
					ok: true,
					value: { created: false }
				});
				const status = await channelStatus(db, mentorDevice, pairId);
				expect(status.ok && status.value.devices).toHaveLength(3);
			});

			it('refuses a proof that is not canonical base64url', async () => {
				const { mentorDevice, pairId } = await aPairWithDevices(db);
				expect(await linkDevice(db, mentorDevice, pairId, nonCanonical(aProof()))).toEqual({
					ok: false,
					error: 'invalid',
					field: 'proof',
					problem: 'must be base64url'
				});
			});
		});

		describe('who may use it', () => {
			it('answers not-in-pair to a device of another pair or scheme, on every endpoint', async () => {
				const linked = await aLinkedPair();
				const { mentorDevice, menteeDevice, pairId } = linked;
				await pushOps(db, mentorDevice, pairId, aPush(1));
				await putOffer(db, mentorDevice, pairId, anOffer());
				// The same mentor's other mentee, another pair of the same scheme, and a pair of
				// another scheme.
				const { scheme, coordinator, mentor } = linked;
				const otherMentee = await aPairIn(db, scheme.id, coordinator.id, mentor);
				const otherPair = await aPairIn(db, scheme.id, coordinator.id);
				const elsewhere = await aPairWithDevices(db, 'Officer mentoring');
				const outsiders = [
					await identityOf(db, otherMentee.mentee.authorization),
					await identityOf(db, otherPair.mentor.authorization),
					await identityOf(db, otherPair.mentee.authorization),
					elsewhere.mentorDevice,
					elsewhere.menteeDevice
				];
				for (const who of outsiders) {
					for (const target of [pairId, 'not-a-uuid', randomUUID()]) {
						const answers = [
							await linkDevice(db, who, target, aProof()),
							await channelStatus(db, who, target),
							await pushOps(db, who, target, aPush(1)),
							await pullOps(db, who, target, { after: 0, limit: 500 }),
							await putOffer(db, who, target, anOffer()),
							await fetchOffer(db, who, target),
							await withdrawOffer(db, who, target),
							await endPair(db, who, target)
						];
						for (const answer of answers) expect(answer).toEqual(notInPair);
					}
				}
				// Nothing the outsiders tried changed the pair.
				expect((await pullAll(db, menteeDevice, pairId)).ops).toHaveLength(1);
				expect(await fetchOffer(db, menteeDevice, pairId)).toMatchObject({ ok: true });
				const status = await channelStatus(db, menteeDevice, pairId);
				expect(status).toMatchObject({ ok: true, value: { channel: { endedAt: null } } });
			});

			it('lets an unlinked device of a member neither push, pull nor offer', async () => {
				const { mentorDevice, menteeDevice, pairId } = await aPairWithDevices(db);
				const attempts = (who: DeviceIdentity) =>
					Promise.all([
						pushOps(db, who, pairId, aPush(1)),
						pullOps(db, who, pairId, { after: 0, limit: 500 }),
						putOffer(db, who, pairId, anOffer())
					]);
				// Before the channel exists, and once the partner has made it.
				expect(await attempts(mentorDevice)).toEqual([notLinked, notLinked, notLinked]);
				await linkDevice(db, mentorDevice, pairId, aProof());
				expect(await attempts(menteeDevice)).toEqual([notLinked, notLinked, notLinked]);
			});
		});

		describe('the log', () => {
			it('stores a retried push once, counting what it already had', async () => {
				const { mentorDevice, menteeDevice, pairId } = await aLinkedPair();
				const push = aPush(3);
				expect(await pushOps(db, mentorDevice, pairId, push)).toEqual({
					ok: true,
					value: { stored: 3, duplicates: 0 }
				});
				expect(await pushOps(db, mentorDevice, pairId, push)).toEqual({
					ok: true,
					value: { stored: 0, duplicates: 3 }
				});
				const mixed = aPush([push.ops[0]!, aSealedOp(), aSealedOp()]);
				expect(await pushOps(db, mentorDevice, pairId, mixed)).toEqual({
					ok: true,
					value: { stored: 2, duplicates: 1 }
				});
				expect(ids((await pullAll(db, menteeDevice, pairId)).ops)).toEqual([
					...ids(push.ops),
					...ids(mixed.ops.slice(1))
				]);
			});

			it('stores each operation once when six copies of a push arrive together', async () => {
				const { mentorDevice, pairId } = await aLinkedPair();
				const push = aPush(5);
				const replies = await Promise.all(
					Array.from({ length: 6 }, () => pushOps(db, mentorDevice, pairId, push))
				);
				const stored = replies.map((r) => (r.ok ? r.value.stored : -1));
				expect(stored.reduce((sum, n) => sum + n, 0)).toBe(5);
				expect(replies.every((r) => r.ok && r.value.stored + r.value.duplicates === 5)).toBe(true);
				const [row] = await db
					.select({ n: count() })
					.from(pairOps)
					.where(eq(pairOps.pairId, pairId));
				expect(row!.n).toBe(5);
			});

			it('never gives a device its own operations back, but moves its cursor past them', async () => {
				const { mentorDevice, menteeDevice, pairId } = await aLinkedPair();
				const mine = aPush(2);
				const theirs = aPush(1);
				await pushOps(db, mentorDevice, pairId, mine);
				await pushOps(db, menteeDevice, pairId, theirs);
				await pushOps(db, mentorDevice, pairId, aPush(1));
				const pulled = await pullOps(db, mentorDevice, pairId, { after: 0, limit: 500 });
				const all = await db
					.select({ seq: pairOps.seq })
					.from(pairOps)
					.where(eq(pairOps.pairId, pairId));
				expect(pulled).toMatchObject({
					ok: true,
					value: { more: false, cursor: Math.max(...all.map((r) => r.seq)), endedAt: null }
				});
				expect(pulled.ok && ids(pulled.value.ops)).toEqual(ids(theirs.ops));
				const again = await pullOps(db, mentorDevice, pairId, {
					after: pulled.ok ? pulled.value.cursor : 0,
					limit: 500
				});
				expect(again).toMatchObject({ ok: true, value: { ops: [], more: false } });
				expect(again.ok && again.value.cursor).toBe(pulled.ok && pulled.value.cursor);
			});

			it('pages with limit and after, saying when more remain', async () => {
				const { mentorDevice, menteeDevice, pairId } = await aLinkedPair();
				const pushed = aPush(5);
				await pushOps(db, mentorDevice, pairId, pushed);
				await pushOps(db, menteeDevice, pairId, aPush(1));
				const first = await pullOps(db, menteeDevice, pairId, { after: 0, limit: 2 });
				if (!first.ok) throw new Error(first.error);
				expect(ids(first.value.ops)).toEqual(ids(pushed.ops.slice(0, 2)));
				expect(first.value).toMatchObject({ more: true, cursor: first.value.ops[1]!.seq });
				const second = await pullOps(db, menteeDevice, pairId, {
					after: first.value.cursor,
					limit: 2
				});
				if (!second.ok) throw new Error(second.error);
				expect(ids(second.value.ops)).toEqual(ids(pushed.ops.slice(2, 4)));
				expect(second.value.more).toBe(true);
				// Exactly one left: a page with room to spare, so the cursor goes to the log's end,
				// past the asker's own last operation.
				const third = await pullOps(db, menteeDevice, pairId, {
					after: second.value.cursor,
					limit: 2
				});
				if (!third.ok) throw new Error(third.error);
				expect(ids(third.value.ops)).toEqual(ids(pushed.ops.slice(4)));
				expect(third.value.more).toBe(false);
				expect(third.value.cursor).toBeGreaterThan(third.value.ops[0]!.seq);
				// A page that is exactly full with nothing after it says no more.
				const exact = await pullOps(db, menteeDevice, pairId, {
					after: first.value.cursor,
					limit: 3
				});
				expect(exact).toMatchObject({ ok: true, value: { more: false } });
				expect(exact.ok && exact.value.ops).toHaveLength(3);
			});

			it('ends a page early rather than send more than 4 MB in one reply', async () => {
				const { mentorDevice, menteeDevice, pairId } = await aLinkedPair();
				const pushed = aPush(30, 150 * 1024);
				await pushOps(db, mentorDevice, pairId, pushed);
				const first = await pullOps(db, menteeDevice, pairId, { after: 0, limit: 500 });
				if (!first.ok) throw new Error(first.error);
				const bytes = first.value.ops.reduce(
					(n, op) => n + Buffer.from(op.body, 'base64url').length,
					0
				);
				expect(bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
				expect(first.value.ops.length).toBeLessThan(30);
				expect(first.value).toMatchObject({ more: true, cursor: first.value.ops.at(-1)!.seq });
				const rest = await pullOps(db, menteeDevice, pairId, {
					after: first.value.cursor,
					limit: 500
				});
				if (!rest.ok) throw new Error(rest.error);
				expect(ids([...first.value.ops, ...rest.value.ops])).toEqual(ids(pushed.ops));
				expect(rest.value.more).toBe(false);
			});

			it('delivers interleaved pushes from several devices completely and in order, even mid-pull', async () => {
				const { mentorDevice, menteeDevice, anotherDevice, pairId, proof } = await aLinkedPair();
				const mentorLaptop = await anotherDevice('mentor');
				const menteeLaptop = await anotherDevice('mentee');
				await linkDevice(db, mentorLaptop, pairId, proof);
				await linkDevice(db, menteeLaptop, pairId, proof);
				const pushers = [mentorDevice, mentorLaptop, menteeDevice];
				const pushed = new Map<DeviceIdentity, string[]>(pushers.map((who) => [who, []]));
				// Each device pushes one batch after another; the devices push at the same time.
				const pushSeries = async (who: DeviceIdentity) => {
					for (let round = 0; round < 10; round++) {
						const push = aPush(1 + (round % 3));
						pushed.get(who)!.push(...ids(push.ops));
						await pushOps(db, who, pairId, push);
					}
				};
				// Meanwhile the mentee's laptop keeps pulling small pages.
				let pushing = true;
				const seen: PulledOp[] = [];
				let cursor = 0;
				const pullWhilePushing = async () => {
					while (pushing) {
						const page = await pullAll(db, menteeLaptop, pairId, cursor, 2);
						seen.push(...page.ops);
						cursor = page.cursor;
					}
				};
				const pulling = pullWhilePushing();
				await Promise.all(pushers.map(pushSeries));
				pushing = false;
				await pulling;
				seen.push(...(await pullAll(db, menteeLaptop, pairId, cursor, 2)).ops);

				const seqs = seen.map((op) => op.seq);
				expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
				const seenIds = ids(seen);
				expect(new Set(seenIds).size).toBe(seen.length);
				for (const [, sent] of pushed) {
					expect(seenIds.filter((id) => sent.includes(id))).toEqual(sent);
				}
				expect(seen).toHaveLength([...pushed.values()].flat().length);
				// The mentee's phone gets both of the mentor's devices' operations, in order.
				const forMenteePhone = ids((await pullAll(db, menteeDevice, pairId, 0, 3)).ops);
				expect(forMenteePhone.filter((id) => pushed.get(mentorDevice)!.includes(id))).toEqual(
					pushed.get(mentorDevice)
				);
				expect(forMenteePhone).toHaveLength(pushed.get(mentorDevice)!.length * 2);
			});

			it('makes a push wait while another push to the pair is uncommitted', async () => {
				const { mentorDevice, menteeDevice, pairId } = await aLinkedPair();
				let release!: () => void;
				const held = new Promise<void>((resolve) => (release = resolve));
				let entered!: () => void;
				const inside = new Promise<void>((resolve) => (entered = resolve));
				const first = db.transaction(async (tx) => {
					const pushed = await pushOps(tx, mentorDevice, pairId, aPush(1));
					entered();
					await held;
					return pushed;
				});
				await inside;
				let secondDone = false;
				const second = pushOps(db, menteeDevice, pairId, aPush(1)).then((pushed) => {
					secondDone = true;
					return pushed;
				});
				await new Promise((resolve) => setTimeout(resolve, 300));
				expect(secondDone).toBe(false);
				release();
				expect(await first).toMatchObject({ ok: true, value: { stored: 1 } });
				expect(await second).toMatchObject({ ok: true, value: { stored: 1 } });
			});

			it('gives back exactly the bytes that were pushed', async () => {
				const { mentorDevice, menteeDevice, pairId } = await aLinkedPair();
				const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
				const bodies = [randomBytes(30), randomBytes(31), everyByte, randomBytes(48 * 1024)].map(
					(b) => b.toString('base64url')
				);
				const push = aPush(bodies.map((body) => ({ ...aSealedOp(), body })));
				await pushOps(db, mentorDevice, pairId, push);
				const { ops } = await pullAll(db, menteeDevice, pairId);
				expect(ops.map((op) => op.body)).toEqual(bodies);
				expect(Buffer.from(ops[2]!.body, 'base64url').equals(everyByte)).toBe(true);
			});

			it('refuses a body that is not canonical base64url, naming the operation', async () => {
				const { mentorDevice, pairId } = await aLinkedPair();
				const bad = { ...aSealedOp(31), body: nonCanonical(aSealedOp(31).body) };
				expect(await pushOps(db, mentorDevice, pairId, aPush([aSealedOp(), bad]))).toEqual({
					ok: false,
					error: 'invalid',
					field: 'ops.1.body',
					problem: 'must be base64url'
				});
			});
		});

		describe('ending', () => {
			it('closes the log to pushes, links and offers, but not to pulls', async () => {
				const { mentorDevice, menteeDevice, anotherDevice, pairId, proof } = await aLinkedPair();
				const before = aPush(2);
				await pushOps(db, mentorDevice, pairId, before);
				await putOffer(db, mentorDevice, pairId, anOffer());
				const endedAt = at('2026-09-01T12:00:00Z');
				expect(await endPair(db, menteeDevice, pairId, endedAt)).toEqual({
					ok: true,
					value: { endedAt: endedAt.toISOString(), endsOn: '2026-09-01' }
				});
				expect(await pushOps(db, mentorDevice, pairId, aPush(1))).toEqual(ended);
				expect(await linkDevice(db, mentorDevice, pairId, proof)).toEqual(ended);
				expect(await linkDevice(db, await anotherDevice('mentor'), pairId, proof)).toEqual(ended);
				expect(await putOffer(db, mentorDevice, pairId, anOffer())).toEqual(ended);
				expect(await fetchOffer(db, mentorDevice, pairId)).toEqual({
					ok: false,
					error: 'no-offer'
				});
				const pulled = await pullOps(db, menteeDevice, pairId, { after: 0, limit: 500 });
				expect(pulled).toMatchObject({ ok: true, value: { endedAt: endedAt.toISOString() } });
				expect(pulled.ok && ids(pulled.value.ops)).toEqual(ids(before.ops));
				const status = await channelStatus(db, mentorDevice, pairId);
				expect(status).toMatchObject({
					ok: true,
					value: { channel: { endedAt: endedAt.toISOString() }, offerExpiresAt: null }
				});
			});

			it('lets an end, offers and pushes arrive at the same moment', async () => {
				const { mentorDevice, menteeDevice, pairId } = await aLinkedPair();
				const answers = await Promise.all([
					pushOps(db, mentorDevice, pairId, aPush(2)),
					putOffer(db, mentorDevice, pairId, anOffer()),
					endPair(db, menteeDevice, pairId),
					putOffer(db, menteeDevice, pairId, anOffer()),
					pushOps(db, menteeDevice, pairId, aPush(2)),
					endPair(db, mentorDevice, pairId)
				]);
				expect(answers.every((a) => a.ok || a.error === 'ended')).toBe(true);
				const [first, second] = [answers[2], answers[5]];
				expect(first).toEqual(second);
			});

			it('answers again with the first end, and tells the scheme the pair ended that day', async () => {
				const { scheme, mentorDevice, menteeDevice, pairId } = await aLinkedPair();
				await putOffer(db, mentorDevice, pairId, anOffer(), at('2026-09-01T11:55:00Z'));
				const first = at('2026-09-01T12:00:00Z');
				const firstEnd = { endedAt: first.toISOString(), endsOn: '2026-09-01' };
				expect(await endPair(db, mentorDevice, pairId, first)).toEqual({
					ok: true,
					value: firstEnd
				});
				expect(await endPair(db, menteeDevice, pairId, at('2026-09-03T09:00:00Z'))).toEqual({
					ok: true,
					value: firstEnd
				});
				const [pair] = await db.select().from(pairs).where(eq(pairs.id, pairId));
				expect(pair).toMatchObject({ status: 'ended', endsOn: '2026-09-01', schemeId: scheme.id });
				expect(pair!.updatedAt.toISOString()).toBe(first.toISOString());
				expect(
					await db.select().from(pairLinkOffers).where(eq(pairLinkOffers.pairId, pairId))
				).toEqual([]);
			});

			it('takes the day it really ended as its end date, earlier or later than planned', async () => {
				const later = await aPairWithDevices(db);
				await db.update(pairs).set({ endsOn: '2026-12-31' }).where(eq(pairs.id, later.pairId));
				await endPair(db, later.menteeDevice, later.pairId, at('2026-09-01T12:00:00Z'));
				const earlier = await aPairWithDevices(db);
				await db.update(pairs).set({ endsOn: '2026-08-31' }).where(eq(pairs.id, earlier.pairId));
				await endPair(db, earlier.menteeDevice, earlier.pairId, at('2026-09-01T12:00:00Z'));
				const endsOn = async (pairId: string) =>
					(await db.select().from(pairs).where(eq(pairs.id, pairId)))[0]!.endsOn;
				expect(await endsOn(later.pairId)).toBe('2026-09-01');
				expect(await endsOn(earlier.pairId)).toBe('2026-09-01');
			});

			it('counts a pair the coordinator ended as ended, from that moment', async () => {
				const linked = await aLinkedPair();
				await pushOps(db, linked.menteeDevice, linked.pairId, aPush(1));
				const endedAt = '2026-09-01T12:00:00.000Z';
				await setPairStatus(db, linked.scheme.id, linked.pairId, 'ended', at(endedAt));
				expect(await pushOps(db, linked.mentorDevice, linked.pairId, aPush(1))).toEqual(ended);
				expect(await linkDevice(db, linked.mentorDevice, linked.pairId, linked.proof)).toEqual(
					ended
				);
				expect(await putOffer(db, linked.mentorDevice, linked.pairId, anOffer())).toEqual(ended);
				const pulled = await pullOps(db, linked.mentorDevice, linked.pairId, {
					after: 0,
					limit: 500
				});
				expect(pulled).toMatchObject({ ok: true, value: { endedAt } });
				expect(pulled.ok && pulled.value.ops).toHaveLength(1);
				expect(await endPair(db, linked.mentorDevice, linked.pairId)).toEqual({
					ok: true,
					value: { endedAt, endsOn: '2026-09-01' }
				});
				const status = await channelStatus(db, linked.menteeDevice, linked.pairId);
				expect(status).toMatchObject({ ok: true, value: { channel: { endedAt } } });

				// Before any device linked, too: no channel is made for an ended pair.
				const unlinked = await aPairWithDevices(db);
				await setPairStatus(db, unlinked.scheme.id, unlinked.pairId, 'ended');
				expect(await linkDevice(db, unlinked.mentorDevice, unlinked.pairId, aProof())).toEqual(
					ended
				);
				expect(await channelsOf(unlinked.pairId)).toBe(0);
			});
		});

		describe('offers', () => {
			it("are replaced, expire, and reach both members' devices, linked or not", async () => {
				const { mentorDevice, menteeDevice, anotherDevice, pairId } = await aLinkedPair();
				const newPhone = await anotherDevice('mentee');
				const t0 = at('2026-09-01T12:00:00Z');
				const first = anOffer();
				expect(await putOffer(db, mentorDevice, pairId, first, t0)).toEqual({
					ok: true,
					value: { ...first, expiresAt: '2026-09-01T12:15:00.000Z' }
				});
				const second = anOffer();
				const t1 = at('2026-09-01T12:05:00Z');
				await putOffer(db, menteeDevice, pairId, second, t1);
				const expected = { ok: true, value: { ...second, expiresAt: '2026-09-01T12:20:00.000Z' } };
				for (const who of [mentorDevice, menteeDevice, newPhone]) {
					expect(await fetchOffer(db, who, pairId, t1)).toEqual(expected);
				}
				expect(await channelStatus(db, newPhone, pairId, t1)).toMatchObject({
					ok: true,
					value: { linked: false, offerExpiresAt: '2026-09-01T12:20:00.000Z' }
				});
				const late = at('2026-09-01T12:20:00Z');
				expect(await fetchOffer(db, newPhone, pairId, late)).toEqual({
					ok: false,
					error: 'no-offer'
				});
				expect(await channelStatus(db, newPhone, pairId, late)).toMatchObject({
					ok: true,
					value: { offerExpiresAt: null }
				});
			});

			it('can be withdrawn by either member', async () => {
				const { mentorDevice, menteeDevice, pairId } = await aLinkedPair();
				await putOffer(db, mentorDevice, pairId, anOffer());
				expect(await withdrawOffer(db, menteeDevice, pairId)).toEqual({ ok: true, value: null });
				expect(await fetchOffer(db, mentorDevice, pairId)).toEqual({
					ok: false,
					error: 'no-offer'
				});
				expect(await withdrawOffer(db, menteeDevice, pairId)).toEqual({ ok: true, value: null });
			});

			it('refuse key material that is not canonical base64url', async () => {
				const { mentorDevice, pairId } = await aLinkedPair();
				const offer = anOffer();
				expect(
					await putOffer(db, mentorDevice, pairId, { ...offer, salt: nonCanonical(offer.salt) })
				).toMatchObject({ ok: false, error: 'invalid', field: 'salt' });
			});
		});

		describe('status', () => {
			it('is empty before anyone links', async () => {
				const { menteeDevice, pairId } = await aPairWithDevices(db);
				expect(await channelStatus(db, menteeDevice, pairId)).toEqual({
					ok: true,
					value: { linked: false, channel: null, devices: [], offerExpiresAt: null }
				});
			});

			it('lists every linked device with whose it is and when it last synced', async () => {
				const { mentorDevice, menteeDevice, anotherDevice, pairId } = await aPairWithDevices(db);
				const laptop = await anotherDevice('mentee');
				const mentorPhone = await anotherDevice('mentor');
				const proof = aProof();
				await linkDevice(db, mentorDevice, pairId, proof, at('2026-09-01T09:00:00Z'));
				await linkDevice(db, menteeDevice, pairId, proof, at('2026-09-01T09:01:00Z'));
				await linkDevice(db, laptop, pairId, proof, at('2026-09-01T09:02:00Z'));
				await pushOps(db, menteeDevice, pairId, aPush(1), at('2026-09-01T10:00:00Z'));
				await pullOps(
					db,
					mentorDevice,
					pairId,
					{ after: 0, limit: 500 },
					at('2026-09-01T11:00:00Z')
				);
				expect(await channelStatus(db, menteeDevice, pairId)).toEqual({
					ok: true,
					value: {
						linked: true,
						channel: { createdAt: '2026-09-01T09:00:00.000Z', endedAt: null },
						devices: [
							{
								role: 'mentor',
								mine: false,
								thisDevice: false,
								linkedAt: '2026-09-01T09:00:00.000Z',
								lastSyncedAt: '2026-09-01T11:00:00.000Z'
							},
							{
								role: 'mentee',
								mine: true,
								thisDevice: true,
								linkedAt: '2026-09-01T09:01:00.000Z',
								lastSyncedAt: '2026-09-01T10:00:00.000Z'
							},
							{
								role: 'mentee',
								mine: true,
								thisDevice: false,
								linkedAt: '2026-09-01T09:02:00.000Z',
								// Linking is contact too: a device never shows as silent once linked.
								lastSyncedAt: '2026-09-01T09:02:00.000Z'
							}
						],
						offerExpiresAt: null
					}
				});
				const fromUnlinked = await channelStatus(db, mentorPhone, pairId);
				expect(fromUnlinked).toMatchObject({ ok: true, value: { linked: false } });
				expect(fromUnlinked.ok && fromUnlinked.value.devices.map((d) => d.mine)).toEqual([
					true,
					false,
					false
				]);
			});
		});
	});
}
