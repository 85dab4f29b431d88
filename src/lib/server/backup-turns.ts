import { eq } from 'drizzle-orm';
import type { Transaction } from './db/open-database';
import { participants } from './db/schema';

/**
 * Makes a person's commits and erasures take turns. Each deletes backups the other may be
 * holding (a commit removes its device's older ones), and two at once could deadlock. The
 * lock is as strong as an update of the person, so uploads, which only refer to them, go on.
 */
export async function takeBackupTurn(tx: Transaction, participantId: string): Promise<void> {
	await tx
		.select({ id: participants.id })
		.from(participants)
		.where(eq(participants.id, participantId))
		.for('no key update');
}
