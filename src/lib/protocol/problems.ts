import type { LimitProblem } from './limit-problem';

/** Why the last attempt to reach the scheme did not work, in terms the UI can explain. */
export type SyncProblem =
	| { kind: 'offline' }
	| { kind: 'revoked' }
	| { kind: 'rejected'; field: string | null }
	| { kind: 'not-in-pair' }
	| LimitProblem
	| { kind: 'server'; status: number };

/** Why the last backup did not reach the server, in terms the UI can explain. */
export type BackupProblem =
	| { kind: 'offline' }
	| { kind: 'revoked' }
	| { kind: 'too-large' }
	| LimitProblem
	| { kind: 'server'; status: number };

/** Why the last exchange with the pair's channel did not work, in terms the UI can explain. */
export type PairProblem =
	| { kind: 'offline' }
	| { kind: 'revoked' }
	/** The channel was started with another key: link again from a device already linked. */
	| { kind: 'key-mismatch' }
	| { kind: 'not-in-pair' }
	/** The server does not know this device holds the key: it registers again. */
	| { kind: 'not-linked' }
	| { kind: 'ended' }
	| LimitProblem
	| { kind: 'server'; status: number };

/** Why a publication has not reached the scheme: a refusal names the field at fault. */
export type PublicationProblem = SyncProblem | { kind: 'refused'; field: string; problem: string };

export type LinkRefusal =
	/** This device has not joined the scheme, or was removed from it. */
	| 'not-joined'
	/** The scheme has not paired this person with this partner (or not told this device yet). */
	| 'not-in-scheme'
	| 'ended'
	/** The pair was linked under another key first: scan the code of a device already linked. */
	| 'linked-elsewhere'
	| 'invalid-code'
	| 'wrong-code'
	| 'no-offer'
	| 'offline';

export type JoinRefusal = 'unknown' | 'expired' | 'used' | 'rate-limited' | 'invalid' | 'devices';
