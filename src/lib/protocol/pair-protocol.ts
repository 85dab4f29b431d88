import * as v from 'valibot';

/**
 * What a device and the scheme server say to each other about a pair's shared records and a
 * person's backups. One set of schemas for both sides, like the metrics payload. Everything
 * the server stores from here is opaque: ciphertext, salts, IVs and fingerprints, encoded as
 * base64url. The server checks shapes and sizes; only the devices can read the contents.
 */

export const pairChannelLimits = {
	/** Operations in one push. */
	opsPerPush: 200,
	/**
	 * One encrypted operation (IV, ciphertext and tag), before base64url: room for a session's
	 * 20,000-character notes even in four-byte characters.
	 */
	opBytes: 160 * 1024,
	/** A push's JSON body, in bytes: under adapter-node's 512 KB default body limit. */
	pushBytes: 448 * 1024,
	/** Operations in one page of a pull. */
	pullPage: 500,
	/** A pull page's operations, in bytes: a page ends early rather than grow past this. */
	pullBytes: 4 * 1024 * 1024,
	/** How long a short-code offer stays open. */
	offerMinutes: 15
} as const;

export const backupLimits = {
	/** One part of an encrypted backup upload, in bytes (under adapter-node's 512 KB body limit). */
	partBytes: 256 * 1024,
	/** Parts in one backup: 64 MB in all. */
	parts: 256,
	iterations: { min: 600_000, max: 10_000_000 }
} as const;

/** Characters needed to write n bytes in base64url without padding. */
export const base64urlLength = (bytes: number) => Math.ceil((bytes * 4) / 3);

const base64url = (minBytes: number, maxBytes: number) =>
	v.pipe(
		v.string(),
		v.regex(/^[A-Za-z0-9_-]*$/, 'must be base64url'),
		v.minLength(base64urlLength(minBytes), 'is too short'),
		v.maxLength(base64urlLength(maxBytes), 'is too long')
	);
const exactly = (bytes: number) => base64url(bytes, bytes);
const uuid = v.pipe(v.string(), v.uuid('must be a UUID'));

/** AES-GCM: a 12-byte IV, then the ciphertext with its 16-byte tag. */
const aesGcm = { iv: 12, tag: 16, key: 32 } as const;

// ---- Pair channel: /api/v1/pairs/:pairId/...

/** PUT link: proves this device holds the pair key (a key derived from it, never the key). */
export const linkRequest = v.strictObject({ proof: exactly(32) });
export type LinkRequest = v.InferOutput<typeof linkRequest>;
export interface LinkReply {
	/** True when this request created the pair's channel (the first device to link). */
	created: boolean;
}

/** One encrypted operation: the id is chosen by the device, so a retried push stores it once. */
export const sealedOp = v.strictObject({
	id: uuid,
	body: base64url(aesGcm.iv + aesGcm.tag + 2, pairChannelLimits.opBytes)
});
export type SealedOp = v.InferOutput<typeof sealedOp>;

/** POST ops. */
export const pushRequest = v.strictObject({
	ops: v.pipe(
		v.array(sealedOp),
		v.minLength(1, 'must not be empty'),
		v.maxLength(pairChannelLimits.opsPerPush, 'has too many operations')
	)
});
export type PushRequest = v.InferOutput<typeof pushRequest>;
export interface PushReply {
	/** How many were new to the log, and how many it already held (a retry). */
	stored: number;
	duplicates: number;
}

/** GET ops?after=<seq>: the operations other devices pushed, oldest first. */
export interface PulledOp {
	seq: number;
	id: string;
	body: string;
}
export interface PullReply {
	ops: PulledOp[];
	/** Where the next pull starts: the last sequence number this page covered. */
	cursor: number;
	more: boolean;
	/** When either member ended the pair: the log still reads, but takes no more pushes. */
	endedAt: string | null;
}

/** GET /api/v1/pairs/:pairId: who is linked and when each device last synced. */
export interface ChannelDevice {
	role: 'mentor' | 'mentee';
	/** A device of the person asking (their phone and their laptop, say). */
	mine: boolean;
	thisDevice: boolean;
	linkedAt: string;
	lastSyncedAt: string | null;
}
export interface ChannelStatus {
	/** Whether the asking device is linked to the pair's channel. */
	linked: boolean;
	channel: { createdAt: string; endedAt: string | null } | null;
	devices: ChannelDevice[];
	/** When an open short-code offer expires, if there is one. */
	offerExpiresAt: string | null;
}

/**
 * POST offer: the pair key wrapped under a key stretched from a short code that never leaves
 * the two devices. Only the pair's members' devices may fetch it, and only for 15 minutes.
 */
export const offerRequest = v.strictObject({
	salt: exactly(16),
	iv: exactly(aesGcm.iv),
	key: exactly(aesGcm.key + aesGcm.tag)
});
export type OfferRequest = v.InferOutput<typeof offerRequest>;
export interface OfferReply extends OfferRequest {
	expiresAt: string;
}

/** POST end: either member ends the pair, no fault; the reply says when. */
export interface EndReply {
	endedAt: string;
	/** The pair's end date as the scheme now holds it: the day it ended. */
	endsOn: string;
}

// ---- Backups: /api/v1/backup and /api/v1/recover

/** A data key wrapped under another key (the passphrase's, or the recovery code's). */
const wrappedKey = v.strictObject({
	iv: exactly(aesGcm.iv),
	key: exactly(aesGcm.key + aesGcm.tag)
});

/**
 * PUT backup/keys: the person's backup key, wrapped twice. The server also keeps a fingerprint
 * of a value derived from the recovery code, so the code can stand in for an invitation.
 */
export const backupKeysRequest = v.strictObject({
	salt: exactly(16),
	iterations: v.pipe(
		v.number(),
		v.integer('must be a whole number'),
		v.minValue(backupLimits.iterations.min, 'is too few'),
		v.maxValue(backupLimits.iterations.max, 'is too many')
	),
	passphrase: wrappedKey,
	recovery: wrappedKey,
	recoveryAuth: exactly(32)
});
export type BackupKeysRequest = v.InferOutput<typeof backupKeysRequest>;
export type BackupKeys = Omit<BackupKeysRequest, 'recoveryAuth'> & { updatedAt: string };

export const backupCommitRequest = v.strictObject({
	parts: v.pipe(
		v.number(),
		v.integer('must be a whole number'),
		v.minValue(1, 'must be at least 1'),
		v.maxValue(backupLimits.parts, 'is too many')
	),
	bytes: v.pipe(
		v.number(),
		v.integer('must be a whole number'),
		v.minValue(1, 'must be at least 1'),
		v.maxValue(backupLimits.parts * backupLimits.partBytes, 'is too large')
	),
	sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'))
});
export type BackupCommitRequest = v.InferOutput<typeof backupCommitRequest>;

export interface StoredBackup {
	id: string;
	thisDevice: boolean;
	parts: number;
	bytes: number;
	sha256: string;
	committedAt: string;
}
export interface BackupListing {
	keys: BackupKeys | null;
	backups: StoredBackup[];
}

/** POST /api/v1/recover: a recovery code, through a value derived from it, as a new device. */
export const recoverRequest = v.strictObject({ auth: exactly(32) });
