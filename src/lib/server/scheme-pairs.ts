import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SchemePairInput } from '$lib/domain/scheme-inputs';
import type { Database } from './db/open-database';
import { pairStatuses, pairs, participants } from './db/schema';
import { isUuid } from './schemes';

export type PairStatus = (typeof pairStatuses)[number];

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

/** Pauses, resumes or ends a pair; ending is no-fault and keeps every metric. */
export async function setPairStatus(
	db: Database,
	schemeId: string,
	pairId: string,
	status: PairStatus,
	today: string
): Promise<boolean> {
	if (!isUuid(pairId)) return false;
	const changed = await db
		.update(pairs)
		.set({
			status,
			updatedAt: new Date(),
			...(status === 'ended' ? { endsOn: today } : {})
		})
		.where(and(eq(pairs.id, pairId), eq(pairs.schemeId, schemeId)))
		.returning({ id: pairs.id });
	return changed.length > 0;
}

/** The pairs a device's owner belongs to, as their device shows them. */
export async function pairsOfParticipant(db: Database, participantId: string) {
	const mentor = alias(participants, 'mentor');
	const mentee = alias(participants, 'mentee');
	const rows = await db
		.select({ pair: pairs, mentorName: mentor.name, menteeName: mentee.name })
		.from(pairs)
		.innerJoin(mentor, eq(mentor.id, pairs.mentorId))
		.innerJoin(mentee, eq(mentee.id, pairs.menteeId))
		.where(or(eq(pairs.mentorId, participantId), eq(pairs.menteeId, participantId)));
	return rows.map(({ pair, mentorName, menteeName }) => {
		const asMentor = pair.mentorId === participantId;
		return {
			id: pair.id,
			role: asMentor ? ('mentor' as const) : ('mentee' as const),
			partnerName: asMentor ? menteeName : mentorName,
			startsOn: pair.startsOn,
			endsOn: pair.endsOn,
			status: pair.status
		};
	});
}
