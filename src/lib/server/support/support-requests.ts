import type { SchemeSupportRequest } from '$lib/protocol/coordinator/support-request';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { supportUrgencies } from '$lib/domain/support';
import { notAfter } from '$lib/domain/timestamp';
import type { SupportRequestForDevice, SupportRequestInput } from '$lib/protocol/support-protocol';
import type { Database } from '../db/open-database';
import { participants, supportRequests } from '../db/schema';
import type { DeviceIdentity } from '../devices';
import { takePersonTurn } from '../person-turns';
import { refused, type Outcome } from '../refusals';
import { supportLimitReached } from './support-limits';
import { isUuid } from '../schemes';

/** A mentor's requests for support, newest first, as their devices show them. */
export async function supportRequestsOf(
	db: Database,
	participantId: string
): Promise<SupportRequestForDevice[]> {
	const rows = await db
		.select()
		.from(supportRequests)
		.where(eq(supportRequests.participantId, participantId))
		.orderBy(desc(supportRequests.requestedAt));
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		urgency: r.urgency,
		requestedAt: r.requestedAt.toISOString(),
		status: r.status,
		reply: r.reply,
		answeredAt: r.answeredAt?.toISOString() ?? null
	}));
}

/**
 * A mentor asks for support; the same request again (a retry) is stored once. A mentor may
 * have only a few requests open, and only so many in a month (`storage-limits`).
 */
export async function requestSupport(
	db: Database,
	who: DeviceIdentity,
	request: SupportRequestInput,
	now = new Date()
): Promise<Outcome<'stored'>> {
	return db.transaction(async (tx) => {
		await takePersonTurn(tx, who.participantId);
		const [held] = await tx
			.select({ participantId: supportRequests.participantId })
			.from(supportRequests)
			.where(eq(supportRequests.id, request.id));
		if (held) {
			return held.participantId === who.participantId
				? { ok: true, value: 'stored' }
				: refused('invalid', 'id', 'is already used');
		}
		const full = await supportLimitReached(tx, who.participantId, now);
		if (full) return full;
		await tx.insert(supportRequests).values({
			id: request.id,
			createdAt: now,
			schemeId: who.schemeId,
			participantId: who.participantId,
			kind: request.kind,
			urgency: request.urgency,
			requestedAt: notAfter(new Date(request.requestedAt), now)
		});
		return { ok: true, value: 'stored' };
	});
}

/** The mentor takes back a request nobody has answered yet; anything else changes nothing. */
export async function cancelSupport(db: Database, who: DeviceIdentity, id: string) {
	if (!isUuid(id)) return;
	await db
		.update(supportRequests)
		.set({ status: 'cancelled' })
		.where(
			and(
				eq(supportRequests.id, id),
				eq(supportRequests.participantId, who.participantId),
				eq(supportRequests.status, 'open')
			)
		);
}

const urgencyOrder = sql`array_position(array[${sql.join(
	[...supportUrgencies].reverse().map((u) => sql`${u}`),
	sql`, `
)}]::text[], ${supportRequests.urgency})`;

/** Every request of a scheme: open ones first, the most urgent and then the oldest at the top. */
export async function schemeSupportRequests(
	db: Database,
	schemeId: string
): Promise<SchemeSupportRequest[]> {
	const rows = await db
		.select({ request: supportRequests, mentorName: participants.name })
		.from(supportRequests)
		.innerJoin(participants, eq(participants.id, supportRequests.participantId))
		.where(eq(supportRequests.schemeId, schemeId))
		.orderBy(
			sql`${supportRequests.status} <> 'open'`,
			asc(urgencyOrder),
			asc(supportRequests.requestedAt)
		);
	return rows.map(({ request: r, mentorName }) => ({
		id: r.id,
		kind: r.kind,
		urgency: r.urgency,
		requestedAt: r.requestedAt.toISOString(),
		status: r.status,
		reply: r.reply,
		answeredAt: r.answeredAt?.toISOString() ?? null,
		mentorName
	}));
}

/** The coordinator's reply to an open request; false when it is not open or not the scheme's. */
export async function answerSupportRequest(
	db: Database,
	schemeId: string,
	id: string,
	reply: string,
	coordinatorId: string,
	now: Date
): Promise<boolean> {
	if (!isUuid(id)) return false;
	const answered = await db
		.update(supportRequests)
		.set({ status: 'answered', reply, answeredAt: now, answeredBy: coordinatorId })
		.where(
			and(
				eq(supportRequests.id, id),
				eq(supportRequests.schemeId, schemeId),
				eq(supportRequests.status, 'open')
			)
		)
		.returning({ id: supportRequests.id });
	return answered.length > 0;
}

/** How many of the scheme's requests wait for the coordinator's reply. */
export async function openSupportRequestCount(db: Database, schemeId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(supportRequests)
		.where(and(eq(supportRequests.schemeId, schemeId), eq(supportRequests.status, 'open')));
	return row?.n ?? 0;
}
