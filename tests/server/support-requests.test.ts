import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '$lib/server/db/open-database';
import { participationOf } from '$lib/server/participation';
import {
	answerSupportRequest,
	cancelSupport,
	openSupportRequestCount,
	requestSupport,
	schemeSupportRequests
} from '$lib/server/support/support-requests';
import type { SupportRequestInput } from '$lib/protocol/support-protocol';
import { POST as ask } from '../../src/routes/api/v1/support/+server';
import { DELETE as cancel } from '../../src/routes/api/v1/support/[requestId]/+server';
import { callRoute } from '../support/route-call';
import { aPairWithDevices } from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const current = vi.hoisted(() => ({ open: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ database: async () => current.open }));

const aRequest = (overrides: Partial<SupportRequestInput> = {}): SupportRequestInput => ({
	id: randomUUID(),
	kind: 'support',
	urgency: 'when-convenient',
	requestedAt: '2026-06-01T09:00:00.000Z',
	...overrides
});

for (const backend of serverDatabaseBackends) {
	describe(`requests for support on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
			current.open = opened;
		});

		it('stores a mentor’s request once, however often it is sent', async () => {
			const { scheme, mentorDevice } = await aPairWithDevices(db);
			const request = aRequest();
			expect(await requestSupport(db, mentorDevice, request)).toEqual({
				ok: true,
				value: 'stored'
			});
			expect(await requestSupport(db, mentorDevice, request)).toEqual({
				ok: true,
				value: 'stored'
			});
			expect(await schemeSupportRequests(db, scheme.id)).toHaveLength(1);
			expect((await participationOf(db, mentorDevice, new Date())).supportRequests).toEqual([
				{ ...request, status: 'open', reply: null, answeredAt: null }
			]);
		});

		it('lists the open requests first, the most urgent and then the oldest at the top', async () => {
			const { scheme, mentorDevice, coordinator } = await aPairWithDevices(db);
			const [oldCalm, urgent, newCalm, answered] = [
				aRequest({ requestedAt: '2026-06-01T09:00:00.000Z' }),
				aRequest({ urgency: 'urgent', requestedAt: '2026-06-03T09:00:00.000Z' }),
				aRequest({ requestedAt: '2026-06-02T09:00:00.000Z' }),
				aRequest({ urgency: 'urgent', requestedAt: '2026-05-01T09:00:00.000Z' })
			];
			for (const r of [oldCalm, urgent, newCalm, answered])
				await requestSupport(db, mentorDevice, r);
			await answerSupportRequest(
				db,
				scheme.id,
				answered!.id,
				'Ringing you now.',
				coordinator.id,
				new Date()
			);
			expect((await schemeSupportRequests(db, scheme.id)).map((r) => r.id)).toEqual([
				urgent!.id,
				oldCalm!.id,
				newCalm!.id,
				answered!.id
			]);
			expect(await openSupportRequestCount(db, scheme.id)).toBe(3);
		});

		it('takes a reply only to an open request of the coordinator’s own scheme', async () => {
			const a = await aPairWithDevices(db, 'Scheme A');
			const b = await aPairWithDevices(db, 'Scheme B');
			const request = aRequest();
			await requestSupport(db, a.mentorDevice, request);
			expect(
				await answerSupportRequest(
					db,
					b.scheme.id,
					request.id,
					'Hello',
					b.coordinator.id,
					new Date()
				)
			).toBe(false);
			const now = new Date('2026-06-02T10:00:00.000Z');
			expect(
				await answerSupportRequest(
					db,
					a.scheme.id,
					request.id,
					'Tuesday, 10am?',
					a.coordinator.id,
					now
				)
			).toBe(true);
			expect(
				await answerSupportRequest(db, a.scheme.id, request.id, 'Again', a.coordinator.id, now)
			).toBe(false);
			expect((await participationOf(db, a.mentorDevice, now)).supportRequests).toMatchObject([
				{ status: 'answered', reply: 'Tuesday, 10am?', answeredAt: now.toISOString() }
			]);
		});

		it('lets the mentor cancel only their own open request', async () => {
			const { scheme, mentorDevice, coordinator } = await aPairWithDevices(db);
			const other = await aPairWithDevices(db);
			const mine = aRequest();
			await requestSupport(db, mentorDevice, mine);
			await cancelSupport(db, other.mentorDevice, mine.id);
			expect(await openSupportRequestCount(db, scheme.id)).toBe(1);
			await cancelSupport(db, mentorDevice, mine.id);
			expect(await openSupportRequestCount(db, scheme.id)).toBe(0);
			// Cancelled is final: the coordinator cannot answer it any more.
			expect(
				await answerSupportRequest(db, scheme.id, mine.id, 'Hi', coordinator.id, new Date())
			).toBe(false);
		});

		it('answers mentors only, naming bad fields; cancelling is 204 whether or not it was open', async () => {
			const { mentor, mentee } = await aPairWithDevices(db);
			expect(await callRoute(ask, 'POST', mentor.authorization, aRequest())).toEqual({
				status: 200,
				body: { outcome: 'stored' }
			});
			expect(await callRoute(ask, 'POST', mentee.authorization, aRequest())).toMatchObject({
				status: 403,
				body: { error: 'wrong-role' }
			});
			expect(
				await callRoute(ask, 'POST', mentor.authorization, { ...aRequest(), urgency: 'asap' })
			).toMatchObject({ status: 400, body: { field: 'urgency' } });
			expect(
				await callRoute(ask, 'POST', mentor.authorization, { ...aRequest(), note: 'why' })
			).toMatchObject({ status: 400, body: { field: 'note' } });
			const taken = aRequest();
			await callRoute(ask, 'POST', mentor.authorization, taken);
			const other = await aPairWithDevices(db);
			expect(await callRoute(ask, 'POST', other.mentor.authorization, taken)).toMatchObject({
				status: 400,
				body: { field: 'id' }
			});
			for (const requestId of [taken.id, randomUUID()]) {
				expect(
					await callRoute(cancel, 'DELETE', mentor.authorization, undefined, { requestId })
				).toEqual({ status: 204, body: null });
			}
			// Like every id in a device API path, one that is not a UUID is refused by name.
			expect(
				await callRoute(cancel, 'DELETE', mentor.authorization, undefined, {
					requestId: 'nonsense'
				})
			).toMatchObject({ status: 400, body: { field: 'requestId' } });
		});
	});
}
