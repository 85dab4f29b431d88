import { env } from '$env/dynamic/private';

const MiB = 1024 * 1024;

/**
 * What one person, one pair and one scheme may store on the server, and how often. Each can be
 * set with the environment variable named beside it (README, "Limits"); the defaults leave
 * years of ordinary use under every one, and keep one careless or hostile device from filling
 * the disk that every scheme on the server shares.
 */
const defaults = {
	/**
	 * LIMIT_BACKUP_UPLOADS: unfinished backup uploads per person at once: room for a phone and a
	 * laptop each to leave one behind (a commit clears its device's) and start another.
	 */
	backupUploads: 4,
	/** LIMIT_BACKUP_UPLOAD_HOURS: an unfinished upload is deleted after this long. */
	backupUploadHours: 24,
	/** LIMIT_BACKUP_BYTES: a person's backups, finished and in progress (two devices' worth). */
	backupBytes: 128 * MiB,
	/** LIMIT_PAIR_LOG_OPERATIONS: a pair's shared log, in operations (years of weekly use). */
	pairLogOperations: 50_000,
	/** LIMIT_PAIR_LOG_BYTES */
	pairLogBytes: 128 * MiB,
	/** LIMIT_BOARD_POSTS_PER_DAY: per person, in any 24 hours. */
	boardPostsPerDay: 20,
	/** LIMIT_BOARD_POSTS: a person's posts on the board at once (withdrawing frees room). */
	boardPosts: 200,
	/** LIMIT_SCHEME_BOARD_POSTS: every post on one scheme's board, the coordinator's included. */
	schemeBoardPosts: 5_000,
	/** LIMIT_REACTIONS_PER_HOUR: reactions added or taken back, per person. */
	reactionsPerHour: 300,
	/** LIMIT_OPEN_SUPPORT_REQUESTS: a mentor's requests not yet answered. */
	openSupportRequests: 5,
	/** LIMIT_SUPPORT_REQUESTS_PER_MONTH: a mentor's requests in any 30 days. */
	supportRequestsPerMonth: 20,
	/** LIMIT_CHECK_IN_ANSWERS_PER_DAY: check-in answers sent (each replaces the last), per person. */
	checkInAnswersPerDay: 100,
	/** LIMIT_PUBLICATIONS_PER_DAY: pen pictures or needs published or withdrawn, per person. */
	publicationsPerDay: 50,
	/** LIMIT_DEVICES: a person's devices that may sync at once. */
	devices: 10,
	/** LIMIT_SCHEME_BYTES: backups and pair logs of one scheme together. */
	schemeBytes: 5 * 1024 * MiB
};

export type StorageLimits = typeof defaults;

const variableOf = (key: string) => `LIMIT_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/** The limits in force: each default, unless its variable holds a whole number of at least 1. */
export function storageLimits(): StorageLimits {
	const limits = { ...defaults };
	for (const key of Object.keys(defaults) as (keyof StorageLimits)[]) {
		const set = Number(env[variableOf(key)]);
		if (Number.isSafeInteger(set) && set >= 1) limits[key] = set;
	}
	return limits;
}
