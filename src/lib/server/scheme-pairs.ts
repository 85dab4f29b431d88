import type { PairStatusChange } from '$lib/protocol/coordinator/pair-status-change';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { pairMove, pairStatusOf, type PairStatus } from '$lib/domain/pair-lifecycle';
import type { SchemePairInput } from '$lib/domain/scheme-inputs';
import type { Database } from './db/open-database';
import { pairChannels, pairs, participants } from './db/schema';
import { closePair } from './pair-ending';
import { isUuid } from './schemes';

export type { PairStatus };

export type PairCreation =
	| { ok: true; pairId: string }
	| { ok: false; field: 'mentorId' | 'menteeId'; problem: 'invalid_choice' };

/** Pairs a joined (or invited) mentor with a mentee of the same scheme. */
export async function createPair(
	db: Database,
	schemeId: string,
	input: SchemePairInput
): Promise<PairCreation> {
	const people = await db
		.select()
		.from(participants)
		.where(
			and(
				eq(participants.schemeId, schemeId),
				isNull(participants.revokedAt),
				inArray(participants.id, [input.mentorId, input.menteeId])
			)
		);
	const mentor = people.find((p) => p.id === input.mentorId && p.role === 'mentor');
	const mentee = people.find((p) => p.id === input.menteeId && p.role === 'mentee');
	if (!mentor) return { ok: false, field: 'mentorId', problem: 'invalid_choice' };
	if (!mentee) return { ok: false, field: 'menteeId', problem: 'invalid_choice' };
	const [pair] = await db
		.insert(pairs)
		.values({ schemeId, ...input })
		.returning({ id: pairs.id });
	return { ok: true, pairId: pair!.id };
}

/**
 * The coordinator pauses, resumes or ends a pair, as the pair's life allows
 * (src/lib/domain/pair-lifecycle.ts): an ended pair stays ended, whoever ended it, whatever
 * the request says. Ending is no-fault and keeps every figure up to the day it ended.
 */
export async function setPairStatus(
	db: Database,
	schemeId: string,
	pairId: string,
	status: PairStatus,
	now = new Date()
): Promise<PairStatusChange> {
	if (!isUuid(pairId)) return { ok: false, refusal: 'not-found' };
	return db.transaction(async (tx) => {
		// Locked as a member's end locks it (see memberPair), so the two cannot cross.
		const [pair] = await tx
			.select({ status: pairs.status, channelEndedAt: pairChannels.endedAt })
			.from(pairs)
			.leftJoin(pairChannels, eq(pairChannels.pairId, pairs.id))
			.where(and(eq(pairs.id, pairId), eq(pairs.schemeId, schemeId)))
			.for('no key update', { of: pairs });
		if (!pair) return { ok: false, refusal: 'not-found' };
		const move = pairMove(pairStatusOf(pair.status, pair.channelEndedAt), status, 'coordinator');
		if (move === 'unchanged') return { ok: true, changed: false };
		if (move !== 'move') return { ok: false, refusal: move };
		if (status === 'ended') await closePair(tx, { id: pairId, schemeId }, now);
		else await tx.update(pairs).set({ status, updatedAt: now }).where(eq(pairs.id, pairId));
		return { ok: true, changed: true };
	});
}

/** The pairs a device's owner belongs to, as their device shows them. */
export async function pairsOfParticipant(db: Database, participantId: string) {
	const mentor = alias(participants, 'mentor');
	const mentee = alias(participants, 'mentee');
	const rows = await db
		.select({
			pair: pairs,
			channelEndedAt: pairChannels.endedAt,
			mentorName: mentor.name,
			menteeName: mentee.name
		})
		.from(pairs)
		.innerJoin(mentor, eq(mentor.id, pairs.mentorId))
		.innerJoin(mentee, eq(mentee.id, pairs.menteeId))
		.leftJoin(pairChannels, eq(pairChannels.pairId, pairs.id))
		.where(or(eq(pairs.mentorId, participantId), eq(pairs.menteeId, participantId)));
	return rows.map(({ pair, channelEndedAt, mentorName, menteeName }) => {
		const asMentor = pair.mentorId === participantId;
		return {
			id: pair.id,
			role: asMentor ? ('mentor' as const) : ('mentee' as const),
			partnerName: asMentor ? menteeName : mentorName,
			startsOn: pair.startsOn,
			endsOn: pair.endsOn,
			status: pairStatusOf(pair.status, channelEndedAt)
		};
	});
}
