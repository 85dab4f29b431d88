/**
 * Every limit on what a device may store on the scheme's server, by the name the server's
 * refusal carries and the device explains. Amounts are the server's to set (README,
 * "Limits"); the names are shared so each refusal can be put into words.
 */
export const storageLimitNames = [
	/** Backups being uploaded and not yet finished, per person. */
	'backup-uploads',
	/** Bytes of a person's backups, finished and in progress. */
	'backup-bytes',
	/** Operations in a pair's shared log. */
	'pair-log-operations',
	/** Bytes of a pair's shared log. */
	'pair-log-bytes',
	'board-posts-per-day',
	/** A person's posts on the board at once. */
	'board-posts',
	/** Every post on a scheme's board at once. */
	'scheme-board-posts',
	'reactions-per-hour',
	/** A mentor's requests for support not yet answered. */
	'open-support-requests',
	'support-requests-per-month',
	'check-in-answers-per-day',
	'publications-per-day',
	/** A person's devices that may sync at once. */
	'devices',
	/** Everything a scheme's devices store on the server, in bytes. */
	'scheme-bytes'
] as const;

export type StorageLimitName = (typeof storageLimitNames)[number];

export function isStorageLimitName(name: unknown): name is StorageLimitName {
	return (storageLimitNames as readonly unknown[]).includes(name);
}
