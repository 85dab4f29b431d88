import { desc, eq } from 'drizzle-orm';
import type { SupportRequestForDevice } from '$lib/sync/support-protocol';
import type { Database } from '../db/open-database';
import { supportRequests } from '../db/schema';

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
