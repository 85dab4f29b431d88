import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { OwnDevice } from '$lib/protocol/participation';
import type { Database } from './db/open-database';
import { devices, participants } from './db/schema';
import type { DeviceIdentity } from './devices';
import { refused, type Outcome } from './refusals';

const active = isNull(devices.revokedAt);

/** A person's devices that may sync, oldest first, as their own devices list them. */
export async function devicesOf(
	db: Database,
	participantId: string,
	thisDeviceId: string
): Promise<OwnDevice[]> {
	const rows = await db
		.select()
		.from(devices)
		.where(and(eq(devices.participantId, participantId), active))
		.orderBy(asc(devices.createdAt));
	return rows.map((d) => ({
		id: d.id,
		label: d.label,
		joinedAt: d.createdAt.toISOString(),
		lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
		thisDevice: d.id === thisDeviceId
	}));
}

/**
 * A person removes another of their devices (a lost phone): it stops syncing at once. This
 * device is not theirs to remove from here, and anyone else's is as if not there.
 */
export async function removeOwnDevice(
	db: Database,
	who: DeviceIdentity,
	deviceId: string,
	now: Date
): Promise<Outcome<null>> {
	if (deviceId === who.deviceId) return refused('invalid', 'deviceId', 'is this device');
	await db
		.update(devices)
		.set({ revokedAt: now })
		.where(and(eq(devices.id, deviceId), eq(devices.participantId, who.participantId), active));
	return { ok: true, value: null };
}

/** Every active device of a scheme's people, by person, for the coordinator's people page. */
export async function schemeDevices(db: Database, schemeId: string) {
	const rows = await db
		.select({
			id: devices.id,
			participantId: devices.participantId,
			label: devices.label,
			joinedAt: devices.createdAt,
			lastSeenAt: devices.lastSeenAt
		})
		.from(devices)
		.innerJoin(participants, eq(participants.id, devices.participantId))
		.where(and(eq(participants.schemeId, schemeId), active))
		.orderBy(asc(devices.createdAt));
	const byPerson = new Map<string, typeof rows>();
	for (const row of rows)
		byPerson.set(row.participantId, [...(byPerson.get(row.participantId) ?? []), row]);
	return byPerson;
}

/** A coordinator revokes one device of one of their scheme's people, leaving the person in. */
export async function revokeDevice(
	db: Database,
	schemeId: string,
	deviceId: string,
	now = new Date()
): Promise<boolean> {
	const inScheme = db
		.select({ id: participants.id })
		.from(participants)
		.where(eq(participants.schemeId, schemeId));
	const revoked = await db
		.update(devices)
		.set({ revokedAt: now })
		.where(and(eq(devices.id, deviceId), inArray(devices.participantId, inScheme), active))
		.returning({ id: devices.id });
	return revoked.length > 0;
}
