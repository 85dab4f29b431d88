import type { OwnDevice } from '$lib/protocol/participation';
import type { TandemDb } from './db';

/**
 * The person's other devices, as the scheme lists them, and which of them the person has
 * already seen: any other device is announced ("A new device joined as you"), so nobody can
 * quietly join as them with a new code. Devices there at the first listing count as seen.
 */
export async function takeOwnDevices(db: TandemDb, devices: OwnDevice[]): Promise<void> {
	const membership = await db.membership.get('me');
	if (!membership) return;
	await db.membership.update('me', {
		devices,
		knownDeviceIds: membership.knownDeviceIds ?? devices.map((d) => d.id)
	});
}

/** The person's own devices, as this device knows them. */
export class OwnDeviceRepository {
	constructor(private readonly db: TandemDb) {}

	/** The person says a newly listed device is theirs: it is not announced again. */
	async acknowledge(deviceId: string): Promise<void> {
		const { db } = this;
		await db.transaction('rw', db.membership, async () => {
			const membership = await db.membership.get('me');
			if (!membership) return;
			const known = new Set(membership.knownDeviceIds ?? []);
			known.add(deviceId);
			await db.membership.update('me', { knownDeviceIds: [...known] });
		});
	}
}

/** Devices listed that the person has not yet seen: each is announced until acknowledged. */
export function newDevices(membership: {
	devices?: OwnDevice[];
	knownDeviceIds?: string[];
}): OwnDevice[] {
	const known = new Set(membership.knownDeviceIds ?? []);
	return (membership.devices ?? []).filter((d) => !d.thisDevice && !known.has(d.id));
}
