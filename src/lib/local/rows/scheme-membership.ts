import type { SyncProblem } from '$lib/protocol/problems';

import type { SchemeMilestoneDates } from '$lib/domain/milestones';
import type { CheckpointDefinition } from '$lib/domain/survey';
import type { OwnDevice, Participation, SchemePairInfo } from '$lib/protocol/participation';
import type { OutboxItem } from '../outbox/outbox-item';
import type {
	ProposalAnswer,
	ProposalForDevice,
	PublishedState,
	SchemeMatchingInfo
} from '$lib/protocol/publication-protocol';

/** This device's place in a scheme, from joining with an invitation code. One per device. */
export interface SchemeMembership {
	id: 'me';
	schemeId: string;
	schemeName: string;
	organisation: string;
	participantId: string;
	role: 'mentor' | 'mentee';
	name: string;
	deviceId: string;
	/** Sent as a bearer credential; the server keeps only its fingerprint. */
	deviceSecret: string;
	joinedAt: string;
	revokedAt: string | null;
	lastSyncedAt: string | null;
	lastProblem: SyncProblem | null;
	/** The scheme's lists for a pen picture or needs; absent until the scheme first says. */
	matching?: SchemeMatchingInfo | null;
	/** When the scheme last received each of the person's publications. */
	published?: PublishedState | null;
	/** The scheme's check-ins; absent until the scheme first says. */
	surveys?: CheckpointDefinition[] | null;
	/** The scheme's start, pilot end and review, for anniversary reminders. */
	milestones?: SchemeMilestoneDates | null;
	/** Which scheme photo the scheme has, if any: the board fetches a new one once. */
	photo?: Participation['photo'];
	/** The person's devices, as the scheme last listed them. */
	devices?: OwnDevice[];
	/** Devices the person has seen listed; any other one is announced as new. */
	knownDeviceIds?: string[];
}

/** A pair as the scheme knows it, and the local pair on this device it is linked to. */
export interface SchemePairLink extends SchemePairInfo {
	localPairId: string;
}

/** One item waiting to go to the scheme, or the last one that went on its topic. */
export type OutboxEntry = OutboxItem & {
	uploadId: string;
	/** See outboxTopic: what the item is about. */
	topic: string;
	state: 'pending' | 'sent';
	/** The payload without its ids and timestamp: an unchanged item is not queued again. */
	contentKey: string;
	queuedAt: string;
	attempts: number;
	/** Epoch ms; Infinity when the server refused the payload itself (only a new one can go). */
	nextAttemptAt: number;
	lastProblem: SyncProblem | null;
	sentAt: string | null;
};

/** A progress report in the outbox. */
export type MetricsOutboxEntry = Extract<OutboxEntry, { kind: 'metrics' }>;

/** A proposal waiting on this person, as the last sync brought it, and the answer given here. */
export interface StoredProposal extends ProposalForDevice {
	answered: { answer: ProposalAnswer['answer']; status: string; at: string } | null;
}
