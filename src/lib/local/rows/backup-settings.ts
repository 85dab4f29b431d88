import type { BackupProblem } from '$lib/protocol/problems';

/**
 * This device's backup: the person's backup key (wrapped copies of it, under the passphrase
 * and under the recovery code, are all the server holds) and how the last backup went.
 */
export interface BackupSettings {
	id: 'me';
	/** The participant the backup belongs to; joining as someone else turns it off. */
	participantId: string;
	/** The 256-bit key every backup of this person is encrypted with, base64url. */
	dataKey: string;
	enabledAt: string;
	lastBackupAt: string | null;
	/** Size of the last backup sent, in bytes (encrypted). */
	lastBackupBytes: number | null;
	/** SHA-256 of what was last backed up, so an unchanged device uploads nothing. */
	lastContentHash: string | null;
	lastProblem: BackupProblem | null;
}
