import type { PairProblem } from '$lib/protocol/problems';

import type { Change } from '$lib/replica/replica-merge';
import type { ChannelDevice } from '$lib/protocol/pair-protocol';

/**
 * This device's link to one pair's shared records: the pair key (which never leaves the pair's
 * devices in a form anyone else can use) and how far it has read the pair's log.
 */
export interface PairChannel {
	/** The scheme's id for the pair, which both devices share. */
	id: string;
	/** This device's own id for the same pair. */
	localPairId: string;
	/** The 256-bit pair key, base64url. */
	key: string;
	state: 'linked' | 'ended';
	/** Whether the server knows this device holds the key (it may have been linked offline). */
	registered: boolean;
	/** The last sequence number of the pair's log applied here. */
	cursor: number;
	linkedAt: string;
	lastSyncedAt: string | null;
	lastProblem: PairProblem | null;
	/** Operations that failed to decrypt or did not make sense, and were ignored. */
	rejected: number;
	/** Every device linked to the pair, as the server last said. */
	devices: ChannelDevice[];
	endedAt: string | null;
}

/** Changes made here, waiting to go to the pair's other devices, in the order they were made. */
export interface PairOutboxMessage {
	/** Chosen when queued and kept through every retry, so the log stores it once. */
	id: string;
	channelId: string;
	createdAt: string;
	changes: Change[];
}

/** Changes from a newer version of Tandem, kept until this one is updated and can read them. */
export interface HeldMessage {
	id: string;
	channelId: string;
	plaintext: string;
}

/** What arrived in one page of the pair's log, already decrypted and read. */
export interface ArrivedPage {
	changes: Change[];
	/** Operations that failed to decrypt or to read: ignored, and counted for the UI. */
	rejected: number;
	held: HeldMessage[];
	/** The last sequence number the page covered. */
	cursor: number;
}

export type LinkOutcome = 'linked' | 'already-linked' | 'linked-with-another-key';
