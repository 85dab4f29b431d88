import { and, eq, or } from 'drizzle-orm';
import type { PairStatus } from '$lib/domain/pair-lifecycle';
import type { Database } from './db/open-database';
import { pairChannelDevices, pairChannels, pairs } from './db/schema';
import type { DeviceIdentity } from './devices';
import { refused, type Outcome } from './refusals';
import { isUuid } from './schemes';

export interface MemberPair {
	id: string;
	status: PairStatus;
	updatedAt: Date;
	endsOn: string | null;
	channel: { linkVerifier: string; createdAt: Date; endedAt: Date | null } | null;
}

/** The same answer for a pair that does not exist, is in another scheme or is someone else's. */
export const notInPair = refused('not-in-pair', 'pair');

/**
 * The pair, if the device's owner is its mentor or mentee in their own scheme. With `lock`,
 * the pair row stays locked until the transaction ends, as strongly as updating it would: rows
 * that refer to the pair can still be written meanwhile (an offer stored by a device holding
 * the channel's lock, say), so the two transactions cannot deadlock.
 */
export async function memberPair(
	db: Database,
	who: DeviceIdentity,
	pairId: string,
	{ lock = false } = {}
): Promise<MemberPair | undefined> {
	if (!isUuid(pairId)) return undefined;
	const query = db
		.select({
			id: pairs.id,
			status: pairs.status,
			updatedAt: pairs.updatedAt,
			endsOn: pairs.endsOn,
			channel: {
				linkVerifier: pairChannels.linkVerifier,
				createdAt: pairChannels.createdAt,
				endedAt: pairChannels.endedAt
			}
		})
		.from(pairs)
		.leftJoin(pairChannels, eq(pairChannels.pairId, pairs.id))
		.where(
			and(
				eq(pairs.id, pairId),
				eq(pairs.schemeId, who.schemeId),
				or(eq(pairs.mentorId, who.participantId), eq(pairs.menteeId, who.participantId))
			)
		);
	const [row] = await (lock ? query.for('no key update', { of: pairs }) : query);
	return row;
}

/**
 * When the pair ended: a member ending it closes the channel; a coordinator ending it changes
 * only the pair's status, so the status's last change stands in for the moment.
 */
export function pairEndedAt(
	pair: Pick<MemberPair, 'status' | 'updatedAt'>,
	channelEndedAt: Date | null | undefined
): Date | null {
	return channelEndedAt ?? (pair.status === 'ended' ? pair.updatedAt : null);
}

/** A pair's channel as a linked device meets it: when it ended, and what its log holds. */
export interface LinkedChannel {
	endedAt: Date | null;
	opCount: number;
	opBytes: number;
}

/**
 * The pair's channel, for a linked device of one of its members, with when the pair ended.
 * With `lock`, the channel row stays locked until the transaction ends, so writes to one
 * pair's log happen one at a time and sequence numbers follow commit order.
 */
export async function linkedChannel(
	db: Database,
	who: DeviceIdentity,
	pairId: string,
	{ lock = false } = {}
): Promise<Outcome<LinkedChannel>> {
	const pair = await memberPair(db, who, pairId);
	if (!pair) return notInPair;
	const query = db
		.select({
			endedAt: pairChannels.endedAt,
			linkedAt: pairChannelDevices.linkedAt,
			opCount: pairChannels.opCount,
			opBytes: pairChannels.opBytes
		})
		.from(pairChannels)
		.leftJoin(
			pairChannelDevices,
			and(
				eq(pairChannelDevices.pairId, pairChannels.pairId),
				eq(pairChannelDevices.deviceId, who.deviceId)
			)
		)
		.where(eq(pairChannels.pairId, pairId));
	const [channel] = await (lock ? query.for('update', { of: pairChannels }) : query);
	if (!channel?.linkedAt) return refused('not-linked');
	return {
		ok: true,
		value: {
			endedAt: pairEndedAt(pair, channel.endedAt),
			opCount: channel.opCount,
			opBytes: channel.opBytes
		}
	};
}
