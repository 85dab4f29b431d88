import { and, count, eq, isNull } from 'drizzle-orm';
import type { Database, Transaction } from './db/open-database';
import { devices, participants, schemes } from './db/schema';
import { redeemInvitation, type Redeemed } from './invitations';
import { fingerprint, newDeviceSecret, sameFingerprint } from './secrets';
import { isUuid } from './schemes';
import { storageLimits } from './storage-limits';

export interface JoinedDevice {
	device: { id: string; secret: string };
	participant: { id: string; role: 'mentor' | 'mentee'; name: string };
	scheme: { id: string; name: string; organisation: string };
}

/** Why no device was issued: the person was removed, or already has every device they may. */
export type DeviceRefusal = 'removed' | 'devices';

/**
 * A new device credential for a participant who has not been removed, with who they are in
 * which scheme: the secret is shown to the device once. The participant counts as joined from
 * their first device. A person may have only so many devices at once (`LIMIT_DEVICES`); their
 * other devices learn of the new one on their next sync.
 */
export async function issueDevice(
	tx: Transaction,
	participantId: string,
	label: string | null,
	now: Date
): Promise<{ ok: true; value: JoinedDevice } | { ok: false; reason: DeviceRefusal }> {
	const [row] = await tx
		.select({ participant: participants, scheme: schemes })
		.from(participants)
		.innerJoin(schemes, eq(schemes.id, participants.schemeId))
		.where(and(eq(participants.id, participantId), isNull(participants.revokedAt)))
		.for('no key update', { of: participants });
	if (!row) return { ok: false, reason: 'removed' };
	const [active] = await tx
		.select({ n: count() })
		.from(devices)
		.where(and(eq(devices.participantId, participantId), isNull(devices.revokedAt)));
	if ((active?.n ?? 0) >= storageLimits().devices) return { ok: false, reason: 'devices' };
	const secret = newDeviceSecret();
	const [device] = await tx
		.insert(devices)
		.values({ participantId: row.participant.id, secretHash: fingerprint(secret), label })
		.returning({ id: devices.id });
	if (!row.participant.joinedAt) {
		await tx
			.update(participants)
			.set({ joinedAt: now })
			.where(eq(participants.id, row.participant.id));
	}
	return {
		ok: true,
		value: {
			device: { id: device!.id, secret },
			participant: {
				id: row.participant.id,
				role: row.participant.role,
				name: row.participant.name
			},
			scheme: { id: row.scheme.id, name: row.scheme.name, organisation: row.scheme.organisation }
		}
	};
}

/** Thrown inside the redeeming transaction, so the code stays unused when no device is made. */
class DeviceNotIssued extends Error {
	constructor(readonly reason: DeviceRefusal) {
		super(reason);
	}
}

/** A device joins with an invitation code and gets its own credential. */
export async function joinWithCode(
	db: Database,
	code: string,
	label: string | null = null,
	now = new Date()
): Promise<Redeemed<JoinedDevice> | { ok: false; reason: 'devices' }> {
	try {
		return await redeemInvitation(db, code, 'participant', now, async (tx, invitation) => {
			const issued = await issueDevice(tx, invitation.participantId!, label, now);
			if (!issued.ok) throw new DeviceNotIssued(issued.reason);
			return issued.value;
		});
	} catch (e) {
		if (e instanceof DeviceNotIssued && e.reason === 'devices')
			return { ok: false, reason: e.reason };
		throw e;
	}
}

/** Who a device credential belongs to: exactly one participant of one scheme. */
export interface DeviceIdentity {
	deviceId: string;
	participantId: string;
	schemeId: string;
	role: 'mentor' | 'mentee';
}

export type DeviceCheck =
	| { ok: true; identity: DeviceIdentity }
	| { ok: false; status: 401 | 403; reason: 'unauthenticated' | 'revoked' };

const unauthenticated = { ok: false, status: 401, reason: 'unauthenticated' } as const;

/** Reads `Authorization: Bearer <device id>.<secret>` and checks it in constant time. */
export async function authenticateDevice(
	db: Database,
	authorization: string | null
): Promise<DeviceCheck> {
	const match = /^Bearer ([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(authorization ?? '');
	if (!match || !isUuid(match[1]!)) return unauthenticated;
	const [row] = await db
		.select({ device: devices, participant: participants })
		.from(devices)
		.innerJoin(participants, eq(participants.id, devices.participantId))
		.where(eq(devices.id, match[1]!));
	if (!row || !sameFingerprint(row.device.secretHash, fingerprint(match[2]!))) {
		return unauthenticated;
	}
	if (row.device.revokedAt || row.participant.revokedAt) {
		return { ok: false, status: 403, reason: 'revoked' };
	}
	return {
		ok: true,
		identity: {
			deviceId: row.device.id,
			participantId: row.participant.id,
			schemeId: row.participant.schemeId,
			role: row.participant.role
		}
	};
}
