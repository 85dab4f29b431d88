import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Needs, PenPicture, PublishedState } from '$lib/protocol/publication-protocol';
import type { Database, Transaction } from '../db/open-database';
import { matchProposals, menteeNeeds, mentorProfiles } from '../db/schema';
import type { DeviceIdentity } from '../devices';
import { matchingSettingsOf, type SchemeMatchingSettings } from './matching-settings';
import { openStatuses } from '$lib/domain/matching/proposal-statuses';

export type PublishOutcome =
	{ ok: true; outcome: 'saved' | 'stale' } | { ok: false; field: string; problem: string };

type ListCheck = { ok: true } | { ok: false; field: string; problem: string };

/** The ids a publication names must be on the scheme's own lists, which the device was given. */
function checkLists(
	prefix: 'penPicture' | 'needs',
	p: { areas: string[]; serviceArea: string | null; group: string | null },
	s: SchemeMatchingSettings
): ListCheck {
	if (!p.areas.every((a) => s.areas.includes(a)))
		return { ok: false, field: `${prefix}.areas`, problem: "is not on the scheme's list" };
	if (p.serviceArea !== null && !s.serviceAreas.includes(p.serviceArea))
		return { ok: false, field: `${prefix}.serviceArea`, problem: "is not on the scheme's list" };
	if (p.group !== null && !s.groups.includes(p.group))
		return { ok: false, field: `${prefix}.group`, problem: "is not on the scheme's list" };
	return { ok: true };
}

/**
 * Stores a mentor's pen picture. One upsert that only overwrites an older copy, so a retry or
 * a late request from before an edit changes nothing and answers 'stale'.
 */
export async function savePenPicture(
	db: Database,
	identity: DeviceIdentity,
	writtenAt: Date,
	p: PenPicture
): Promise<PublishOutcome> {
	const lists = checkLists('penPicture', p, await matchingSettingsOf(db, identity.schemeId));
	if (!lists.ok) return lists;
	const row = { penPicture: p, writtenAt, publishedAt: new Date() };
	const saved = await db
		.insert(mentorProfiles)
		.values({ participantId: identity.participantId, ...row })
		.onConflictDoUpdate({
			target: mentorProfiles.participantId,
			set: row,
			setWhere: lte(mentorProfiles.writtenAt, writtenAt)
		})
		.returning({ id: mentorProfiles.participantId });
	return { ok: true, outcome: saved.length > 0 ? 'saved' : 'stale' };
}

/** Stores a mentee's needs, as for a pen picture. */
export async function saveNeeds(
	db: Database,
	identity: DeviceIdentity,
	writtenAt: Date,
	n: Needs
): Promise<PublishOutcome> {
	const lists = checkLists('needs', n, await matchingSettingsOf(db, identity.schemeId));
	if (!lists.ok) return lists;
	const row = { needs: n, writtenAt, publishedAt: new Date() };
	const saved = await db
		.insert(menteeNeeds)
		.values({ participantId: identity.participantId, ...row })
		.onConflictDoUpdate({
			target: menteeNeeds.participantId,
			set: row,
			setWhere: lte(menteeNeeds.writtenAt, writtenAt)
		})
		.returning({ id: menteeNeeds.participantId });
	return { ok: true, outcome: saved.length > 0 ? 'saved' : 'stale' };
}

/**
 * Takes a person out of matching: drafts naming them go, and a question waiting on an answer
 * comes back to the coordinator as withdrawn, by them.
 */
async function leaveMatching(
	tx: Transaction,
	participantId: string,
	side: 'mentor' | 'mentee'
): Promise<void> {
	const now = new Date();
	const named = side === 'mentor' ? matchProposals.mentorId : matchProposals.menteeId;
	await tx
		.delete(matchProposals)
		.where(and(eq(named, participantId), inArray(matchProposals.status, ['draft', 'rejected'])));
	await tx
		.update(matchProposals)
		.set({ status: 'withdrawn', declinedBy: side, closedAt: now })
		.where(and(eq(named, participantId), inArray(matchProposals.status, openStatuses)));
}

/** Deletes the pen picture from the server; withdrawing twice is no different from once. */
export async function withdrawPenPicture(db: Database, participantId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.delete(mentorProfiles).where(eq(mentorProfiles.participantId, participantId));
		await leaveMatching(tx, participantId, 'mentor');
	});
}

export async function withdrawNeeds(db: Database, participantId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.delete(menteeNeeds).where(eq(menteeNeeds.participantId, participantId));
		await leaveMatching(tx, participantId, 'mentee');
	});
}

/** When the scheme last received each publication from this person. */
export async function publishedStateOf(
	db: Database,
	participantId: string
): Promise<PublishedState> {
	const [[penPicture], [needs]] = await Promise.all([
		db
			.select({ at: mentorProfiles.publishedAt })
			.from(mentorProfiles)
			.where(eq(mentorProfiles.participantId, participantId)),
		db
			.select({ at: menteeNeeds.publishedAt })
			.from(menteeNeeds)
			.where(eq(menteeNeeds.participantId, participantId))
	]);
	return {
		penPictureAt: penPicture?.at.toISOString() ?? null,
		needsAt: needs?.at.toISOString() ?? null
	};
}
