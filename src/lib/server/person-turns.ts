import { eq } from 'drizzle-orm';
import type { Transaction } from './db/open-database';
import { participants } from './db/schema';

/**
 * Makes one person's writes that check a limit, or delete what another may hold, take turns:
 * two uploads at once could otherwise both fit under a limit that only one fits under, and a
 * backup commit and an erasure could deadlock. The lock is as strong as an update of the
 * person, so reads and writes that only refer to them go on.
 */
export async function takePersonTurn(tx: Transaction, participantId: string): Promise<void> {
	await tx
		.select({ id: participants.id })
		.from(participants)
		.where(eq(participants.id, participantId))
		.for('no key update');
}
