import { addMinutes } from 'date-fns';
import { eq, inArray, lte } from 'drizzle-orm';
import { pairChannelLimits, type OfferReply, type OfferRequest } from '$lib/protocol/pair-protocol';
import { decodeFields } from './base64url';
import type { Database } from './db/open-database';
import { pairLinkOffers } from './db/schema';
import type { DeviceIdentity } from './devices';
import { linkedChannel, memberPair, notInPair, pairEndedAt } from './pair-membership';
import { refused, type Outcome } from './refusals';

/**
 * A linked device offers the pair key, wrapped under a short code, to the pair's members'
 * other devices for a few minutes. One offer per pair: a new one replaces the old.
 */
export async function putOffer(
	db: Database,
	who: DeviceIdentity,
	pairId: string,
	offer: OfferRequest,
	now = new Date()
): Promise<Outcome<OfferReply>> {
	const bytes = decodeFields({ salt: offer.salt, iv: offer.iv, key: offer.key });
	if (!bytes.ok) return bytes;
	const expiresAt = addMinutes(now, pairChannelLimits.offerMinutes);
	const offered = await db.transaction(async (tx): Promise<Outcome<OfferReply>> => {
		const channel = await linkedChannel(tx, who, pairId, { lock: true });
		if (!channel.ok) return channel;
		if (channel.value.endedAt) return refused('ended');
		const values = {
			salt: bytes.value.salt,
			iv: bytes.value.iv,
			wrappedKey: bytes.value.key,
			expiresAt,
			createdByDevice: who.deviceId
		};
		await tx
			.insert(pairLinkOffers)
			.values({ pairId, ...values })
			.onConflictDoUpdate({ target: pairLinkOffers.pairId, set: values });
		return { ok: true, value: { ...offer, expiresAt: expiresAt.toISOString() } };
	});
	await dropExpiredOffers(db, now);
	return offered;
}

/**
 * A key wrapped under a short code can be attacked offline, so expired offers are not kept,
 * whichever pair they belong to. Rows another transaction holds are left for next time rather
 * than waited for.
 */
async function dropExpiredOffers(db: Database, now: Date): Promise<void> {
	const expired = db
		.select({ pairId: pairLinkOffers.pairId })
		.from(pairLinkOffers)
		.where(lte(pairLinkOffers.expiresAt, now))
		.for('update', { skipLocked: true });
	await db.delete(pairLinkOffers).where(inArray(pairLinkOffers.pairId, expired));
}

/** The open offer, for any device of the pair's members, linked or not. */
export async function fetchOffer(
	db: Database,
	who: DeviceIdentity,
	pairId: string,
	now = new Date()
): Promise<Outcome<OfferReply>> {
	const pair = await memberPair(db, who, pairId);
	if (!pair) return notInPair;
	const [offer] = await db.select().from(pairLinkOffers).where(eq(pairLinkOffers.pairId, pairId));
	if (!offer || offer.expiresAt <= now || pairEndedAt(pair, pair.channel?.endedAt)) {
		return refused('no-offer');
	}
	return {
		ok: true,
		value: {
			salt: offer.salt.toString('base64url'),
			iv: offer.iv.toString('base64url'),
			key: offer.wrappedKey.toString('base64url'),
			expiresAt: offer.expiresAt.toISOString()
		}
	};
}

/** Withdraws the pair's offer, once it has been used or was made by mistake. */
export async function withdrawOffer(
	db: Database,
	who: DeviceIdentity,
	pairId: string
): Promise<Outcome<null>> {
	if (!(await memberPair(db, who, pairId))) return notInPair;
	await db.delete(pairLinkOffers).where(eq(pairLinkOffers.pairId, pairId));
	return { ok: true, value: null };
}
