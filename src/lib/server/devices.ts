import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Transaction } from './db/open-database';
import { devices, participants, schemes } from './db/schema';
import { redeemInvitation, type Redeemed } from './invitations';
import { fingerprint, newDeviceSecret, sameFingerprint } from './secrets';
import { isUuid } from './schemes';

export interface JoinedDevice {
	device: { id: string; secret: string };
	participant: { id: string; role: 'mentor' | 'mentee'; name: string };
	scheme: { id: string; name: string; organisation: string };
}

/**
 * A new device credential for a participant who has not been removed, with who they are in
 * which scheme: the secret is shown to the device once. The participant counts as joined from
 * their first device. Undefined when the participant is unknown or removed.
 */
export async function issueDevice(
	tx: Transaction,
	participantId: string,
	now: Date
): Promise<JoinedDevice | undefined> {
	const [row] = await tx
		.select({ participant: participants, scheme: schemes })
		.from(participants)
		.innerJoin(schemes, eq(schemes.id, participants.schemeId))
		.where(and(eq(participants.id, participantId), isNull(participants.revokedAt)));
	if (!row) return undefined;
	const secret = newDeviceSecret();
	const [device] = await tx
		.insert(devices)
		.values({ participantId: row.participant.id, secretHash: fingerprint(secret) })
		.returning({ id: devices.id });
	if (!row.participant.joinedAt) {
		await tx
			.update(participants)
			.set({ joinedAt: now })
			.where(eq(participants.id, row.participant.id));
	}
	return {
		device: { id: device!.id, secret },
		participant: { id: row.participant.id, role: row.participant.role, name: row.participant.name },
		scheme: { id: row.scheme.id, name: row.scheme.name, organisation: row.scheme.organisation }
	};
}

/** A device joins with an invitation code and gets its own credential. */
export function joinWithCode(
	db: Database,
	code: string,
	now = new Date()
): Promise<Redeemed<JoinedDevice>> {
	return redeemInvitation(db, code, 'participant', now, async (tx, invitation) => {
		const joined = await issueDevice(tx, invitation.participantId!, now);
		if (!joined) throw new Error('An open invitation points at a removed participant');
		return joined;
	});
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
