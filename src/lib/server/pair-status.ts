import { and, asc, eq, gt } from 'drizzle-orm';
import type { ChannelStatus } from '$lib/protocol/pair-protocol';
import type { Database } from './db/open-database';
import { devices, pairChannelDevices, pairLinkOffers, participants } from './db/schema';
import type { DeviceIdentity } from './devices';
import { memberPair, notInPair, pairEndedAt } from './pair-membership';
import type { Outcome } from './refusals';

/**
 * Who is linked to a pair's channel and when each device last synced, for any device of the
 * pair's two members, linked or not (a new phone asks before it links).
 */
export async function channelStatus(
	db: Database,
	who: DeviceIdentity,
	pairId: string,
	now = new Date()
): Promise<Outcome<ChannelStatus>> {
	const pair = await memberPair(db, who, pairId);
	if (!pair) return notInPair;
	const [linked, [offer]] = await Promise.all([
		db
			.select({
				deviceId: pairChannelDevices.deviceId,
				participantId: participants.id,
				role: participants.role,
				linkedAt: pairChannelDevices.linkedAt,
				lastSyncedAt: pairChannelDevices.lastSyncedAt
			})
			.from(pairChannelDevices)
			.innerJoin(devices, eq(devices.id, pairChannelDevices.deviceId))
			.innerJoin(participants, eq(participants.id, devices.participantId))
			.where(eq(pairChannelDevices.pairId, pairId))
			.orderBy(asc(pairChannelDevices.linkedAt), asc(pairChannelDevices.deviceId)),
		db
			.select({ expiresAt: pairLinkOffers.expiresAt })
			.from(pairLinkOffers)
			.where(and(eq(pairLinkOffers.pairId, pairId), gt(pairLinkOffers.expiresAt, now)))
	]);
	const endedAt = pairEndedAt(pair, pair.channel?.endedAt);
	return {
		ok: true,
		value: {
			linked: linked.some((d) => d.deviceId === who.deviceId),
			channel: pair.channel && {
				createdAt: pair.channel.createdAt.toISOString(),
				endedAt: endedAt?.toISOString() ?? null
			},
			devices: linked.map((d) => ({
				role: d.role,
				mine: d.participantId === who.participantId,
				thisDevice: d.deviceId === who.deviceId,
				linkedAt: d.linkedAt.toISOString(),
				lastSyncedAt: d.lastSyncedAt?.toISOString() ?? null
			})),
			// An ended pair's offer can no longer be used, as fetching it says too.
			offerExpiresAt: (!endedAt && offer?.expiresAt.toISOString()) || null
		}
	};
}
