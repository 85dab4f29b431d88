import type { LinkReply } from '$lib/protocol/pair-protocol';
import { fromBase64url } from './base64url';
import type { Database } from './db/open-database';
import { pairChannelDevices, pairChannels } from './db/schema';
import type { DeviceIdentity } from './devices';
import { memberPair, notInPair, pairEndedAt } from './pair-membership';
import { refused, type Outcome } from './refusals';
import { fingerprint, sameFingerprint } from './secrets';

/**
 * Links a device to its pair's channel. The first device to link creates the channel and sets
 * the verifier; every later device must bring a proof with the same fingerprint, which only a
 * device holding the pair key can make. Linking again changes nothing.
 */
export async function linkDevice(
	db: Database,
	who: DeviceIdentity,
	pairId: string,
	proof: string,
	now = new Date()
): Promise<Outcome<LinkReply>> {
	if (!fromBase64url(proof)) return refused('invalid', 'proof', 'must be base64url');
	const verifier = fingerprint(proof);
	return db.transaction(async (tx) => {
		const pair = await memberPair(tx, who, pairId);
		if (!pair) return notInPair;
		if (pairEndedAt(pair, pair.channel?.endedAt)) return refused('ended');
		// When two devices race to create the channel, the loser's insert waits for the winner's
		// commit and then does nothing; it goes on to compare against the winner's verifier.
		const created = await tx
			.insert(pairChannels)
			.values({ pairId, linkVerifier: verifier, createdAt: now })
			.onConflictDoNothing()
			.returning({ pairId: pairChannels.pairId });
		if (created.length === 0) {
			const channel = pair.channel ?? (await memberPair(tx, who, pairId))?.channel;
			if (!channel) return notInPair;
			if (channel.endedAt) return refused('ended');
			if (!sameFingerprint(channel.linkVerifier, verifier)) return refused('key-mismatch');
		}
		await tx
			.insert(pairChannelDevices)
			.values({ pairId, deviceId: who.deviceId, linkedAt: now, lastSyncedAt: now })
			.onConflictDoUpdate({
				target: [pairChannelDevices.pairId, pairChannelDevices.deviceId],
				set: { lastSyncedAt: now }
			});
		return { ok: true, value: { created: created.length > 0 } };
	});
}
