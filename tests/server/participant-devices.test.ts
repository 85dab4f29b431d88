import { describe, expect, it, vi } from 'vitest';
import type { Database } from '$lib/server/db/open-database';
import { authenticateDevice, joinWithCode } from '$lib/server/devices';
import { reinviteParticipant, revokeParticipant } from '$lib/server/invitations';
import { removeOwnDevice, revokeDevice } from '$lib/server/participant-devices';
import { participationOf } from '$lib/server/participation';
import * as deviceRoute from '../../src/routes/api/v1/devices/[deviceId]/+server';
import { withSettings } from '../support/limit-settings';
import { callRoute } from '../support/route-call';
import { aPairWithDevices, identityOf } from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const current = vi.hoisted(() => ({ open: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ database: async () => current.open }));

const now = new Date('2026-12-07T10:00:00Z');

for (const backend of serverDatabaseBackends) {
	describe(`a person's devices on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
			current.open = opened;
		});
		withSettings({ LIMIT_DEVICES: '3' });

		/** A fresh code for someone already in the scheme, as "New code" gives one. */
		const newCode = async (schemeId: string, coordinatorId: string, participantId: string) =>
			(await reinviteParticipant(db, schemeId, participantId, coordinatorId))!.code;

		it('are listed to each of them, named as each said when it joined', async () => {
			const { scheme, coordinator, menteeDevice, mentee } = await aPairWithDevices(db);
			const code = await newCode(scheme.id, coordinator.id, mentee.participant.id);
			const laptop = await joinWithCode(db, code, 'Firefox on Windows');
			expect(laptop.ok).toBe(true);
			const listed = (await participationOf(db, menteeDevice, now)).devices;
			expect(listed.map((d) => [d.label, d.thisDevice])).toEqual([
				[null, true],
				['Firefox on Windows', false]
			]);
			expect(listed[0]!.lastSeenAt).toBe(now.toISOString());
		});

		it('are at most so many: one more is refused and the code still works later', async () => {
			const { scheme, coordinator, mentee, menteeDevice } = await aPairWithDevices(db);
			for (let i = 0; i < 2; i++) {
				const code = await newCode(scheme.id, coordinator.id, mentee.participant.id);
				expect((await joinWithCode(db, code)).ok).toBe(true);
			}
			const code = await newCode(scheme.id, coordinator.id, mentee.participant.id);
			expect(await joinWithCode(db, code)).toEqual({ ok: false, reason: 'devices' });
			const [, second] = (await participationOf(db, menteeDevice, now)).devices;
			expect((await removeOwnDevice(db, menteeDevice, second!.id, now)).ok).toBe(true);
			expect((await joinWithCode(db, code)).ok).toBe(true);
		});

		it('can be removed by their owner from another of them, but not this one from itself', async () => {
			const { mentee, menteeDevice, anotherDevice } = await aPairWithDevices(db);
			const laptop = await anotherDevice('mentee');
			const remove = (deviceId: string) =>
				callRoute(deviceRoute.DELETE, 'DELETE', mentee.authorization, undefined, { deviceId });
			expect((await remove(menteeDevice.deviceId)).status).toBe(400);
			expect((await remove(laptop.deviceId)).status).toBe(204);
			expect((await participationOf(db, menteeDevice, now)).devices).toHaveLength(1);
		});

		it('leave someone else’s devices alone, in the scheme or another', async () => {
			const a = await aPairWithDevices(db, 'Scheme A');
			const b = await aPairWithDevices(db, 'Scheme B');
			await removeOwnDevice(db, a.mentorDevice, a.menteeDevice.deviceId, now);
			expect(await revokeDevice(db, b.scheme.id, a.menteeDevice.deviceId)).toBe(false);
			expect((await authenticateDevice(db, a.mentee.authorization)).ok).toBe(true);
		});

		it('are revoked one at a time by a coordinator, the person staying in', async () => {
			const { scheme, mentee, menteeDevice, anotherDevice } = await aPairWithDevices(db);
			const laptop = await anotherDevice('mentee');
			expect(await revokeDevice(db, scheme.id, menteeDevice.deviceId)).toBe(true);
			expect(await authenticateDevice(db, mentee.authorization)).toMatchObject({ status: 403 });
			expect((await participationOf(db, laptop, now)).devices.map((d) => d.id)).toEqual([
				laptop.deviceId
			]);
		});

		it('stay revoked when a removed person is invited again and joins anew', async () => {
			const { scheme, coordinator, mentee } = await aPairWithDevices(db);
			await revokeParticipant(db, scheme.id, mentee.participant.id);
			const again = await reinviteParticipant(db, scheme.id, mentee.participant.id, coordinator.id);
			const joined = await joinWithCode(db, again!.code, 'Safari on iPhone');
			if (!joined.ok) throw new Error(joined.reason);
			expect(await authenticateDevice(db, mentee.authorization)).toMatchObject({ status: 403 });
			const back = await identityOf(
				db,
				`Bearer ${joined.value.device.id}.${joined.value.device.secret}`
			);
			expect(back.participantId).toBe(mentee.participant.id);
		});
	});
}
