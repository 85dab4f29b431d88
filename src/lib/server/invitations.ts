import { addDays } from 'date-fns';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { InvitationInput } from '$lib/domain/scheme-inputs';
import type { Database, Transaction } from './db/open-database';
import { devices, invitations, participants, schemeCoordinators } from './db/schema';
import { fingerprint, newInvitationCode, normaliseInvitationCode } from './secrets';

/** Long enough to reach someone by post or at a meeting; short enough that a lost code dies. */
export const invitationDays = 14;

export interface IssuedInvitation {
	code: string;
	expiresAt: Date;
}

async function issue(
	db: Database,
	values: { schemeId: string; kind: 'participant' | 'coordinator'; participantId?: string },
	createdBy: string,
	now: Date
): Promise<IssuedInvitation> {
	const code = newInvitationCode();
	const expiresAt = addDays(now, invitationDays);
	await db.insert(invitations).values({
		...values,
		codeHash: fingerprint(code),
		expiresAt,
		createdBy
	});
	return { code, expiresAt };
}

/** Records a new mentor or mentee and issues the code their device joins with. */
export async function inviteParticipant(
	db: Database,
	schemeId: string,
	createdBy: string,
	input: InvitationInput,
	now = new Date()
) {
	const [participant] = await db
		.insert(participants)
		.values({ schemeId, role: input.role, name: input.name })
		.returning();
	const invitation = await issue(
		db,
		{ schemeId, kind: 'participant', participantId: participant!.id },
		createdBy,
		now
	);
	return { participant: participant!, ...invitation };
}

/**
 * A fresh code for someone already invited: the first expired, they have a new phone, or they
 * were removed and come back. Someone removed is back in the scheme at once, but none of their
 * old devices is: each must join again, with this code.
 */
export async function reinviteParticipant(
	db: Database,
	schemeId: string,
	participantId: string,
	createdBy: string,
	now = new Date()
): Promise<IssuedInvitation | undefined> {
	const [participant] = await db
		.update(participants)
		.set({ revokedAt: null })
		.where(and(eq(participants.id, participantId), eq(participants.schemeId, schemeId)))
		.returning({ id: participants.id });
	if (!participant) return undefined;
	return issue(db, { schemeId, kind: 'participant', participantId }, createdBy, now);
}

export function inviteCoordinator(
	db: Database,
	schemeId: string,
	createdBy: string,
	now = new Date()
): Promise<IssuedInvitation> {
	return issue(db, { schemeId, kind: 'coordinator' }, createdBy, now);
}

export type Redeemed<T> =
	{ ok: true; value: T } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/**
 * Marks an invitation used and hands it to `accept`, in one transaction: a code works once,
 * even when two devices race to use it.
 */
export async function redeemInvitation<T>(
	db: Database,
	typedCode: string,
	kind: 'participant' | 'coordinator',
	now: Date,
	accept: (tx: Transaction, invitation: typeof invitations.$inferSelect) => Promise<T>
): Promise<Redeemed<T>> {
	const code = normaliseInvitationCode(typedCode);
	if (!code) return { ok: false, reason: 'unknown' };
	return db.transaction(async (tx) => {
		const [invitation] = await tx
			.select()
			.from(invitations)
			.where(and(eq(invitations.codeHash, fingerprint(code)), eq(invitations.kind, kind)))
			.for('update');
		if (!invitation) return { ok: false, reason: 'unknown' };
		if (invitation.usedAt) return { ok: false, reason: 'used' };
		if (invitation.expiresAt <= now) return { ok: false, reason: 'expired' };
		await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, invitation.id));
		return { ok: true, value: await accept(tx, invitation) };
	});
}

/** A signed-in coordinator joins the scheme a colleague invited them to. */
export function acceptCoordinatorInvitation(
	db: Database,
	userId: string,
	typedCode: string,
	now = new Date()
): Promise<Redeemed<string>> {
	return redeemInvitation(db, typedCode, 'coordinator', now, async (tx, invitation) => {
		await tx
			.insert(schemeCoordinators)
			.values({ schemeId: invitation.schemeId, userId })
			.onConflictDoNothing();
		return invitation.schemeId;
	});
}

export type ParticipantStatus = 'invited' | 'joined' | 'revoked';

/** Everyone invited to a scheme, with whether they joined and until when their code works. */
export async function participantsOf(db: Database, schemeId: string, now = new Date()) {
	const people = await db
		.select()
		.from(participants)
		.where(eq(participants.schemeId, schemeId))
		.orderBy(participants.role, participants.name);
	const open = await db
		.select({ participantId: invitations.participantId, expiresAt: invitations.expiresAt })
		.from(invitations)
		.where(
			and(
				eq(invitations.schemeId, schemeId),
				isNull(invitations.usedAt),
				gt(invitations.expiresAt, now)
			)
		)
		.orderBy(desc(invitations.expiresAt));
	const openUntil = new Map<string, Date>();
	for (const o of open)
		if (o.participantId && !openUntil.has(o.participantId))
			openUntil.set(o.participantId, o.expiresAt);
	return people.map((p) => ({
		...p,
		status: (p.revokedAt ? 'revoked' : p.joinedAt ? 'joined' : 'invited') as ParticipantStatus,
		invitationOpenUntil: openUntil.get(p.id) ?? null
	}));
}

/** Stops every device of this person syncing; their own records stay on their devices. */
export async function revokeParticipant(
	db: Database,
	schemeId: string,
	participantId: string,
	now = new Date()
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const revoked = await tx
			.update(participants)
			.set({ revokedAt: now })
			.where(and(eq(participants.id, participantId), eq(participants.schemeId, schemeId)))
			.returning({ id: participants.id });
		if (revoked.length === 0) return false;
		await tx
			.update(devices)
			.set({ revokedAt: now })
			.where(and(eq(devices.participantId, participantId), isNull(devices.revokedAt)));
		await tx
			.update(invitations)
			.set({ usedAt: now })
			.where(and(eq(invitations.participantId, participantId), isNull(invitations.usedAt)));
		return true;
	});
}
