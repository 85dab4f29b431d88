import type { Transaction } from 'dexie';
import { seedReplicaState } from './replica-seed';
import { topicOutbox } from './outbox-topics';

/**
 * Every version of the on-device schema, oldest first. Never edit a released version:
 * add a new one with its upgrade, and add its fixtures to tests/local/schema-migration.test.ts.
 */
export interface SchemaVersion {
	version: number;
	stores: Record<string, string>;
	/** Rewrites data written by the versions before, in the upgrade's transaction. */
	upgrade?: (tx: Transaction) => Promise<void>;
}

export const schemaHistory: SchemaVersion[] = [
	{
		version: 1,
		stores: {
			profile: 'id',
			pairs: 'id, updatedAt',
			journal: 'id, [deleted+entryDate+createdAt], updatedAt',
			goals: 'id, [pairId+deleted], updatedAt',
			agendaItems: 'id, [pairId+deleted], discussedInSessionId, updatedAt',
			sessions: 'id, [pairId+deleted+startsAt], updatedAt',
			actions: 'id, [pairId+deleted], sessionId, updatedAt',
			wins: 'id, [pairId+deleted+wonOn], updatedAt',
			prepNotes: 'id, [pairId+deleted], sessionId, updatedAt'
		}
	},
	{
		// Joining a scheme: the device's membership, its links to the scheme's pairs, and the
		// outbox of progress reports. New tables only, so existing data needs no upgrade.
		version: 2,
		stores: {
			membership: 'id',
			schemePairs: 'id, localPairId',
			outbox: 'uploadId, [pairId+state], state'
		}
	},
	{
		// Pair link and backups: each shared record's merge state, the device's clock, its links
		// to pairs' channels, the outbox of changes for the partner's devices, changes held for a
		// newer version, and the backup settings. Existing shared records get a merge state.
		version: 3,
		stores: {
			replicaState: 'key, pairId',
			replicaMeta: 'key',
			pairChannels: 'id, localPairId',
			pairOutbox: 'id, [channelId+createdAt]',
			heldMessages: 'id, channelId',
			backup: 'id'
		},
		upgrade: seedReplicaState
	},
	{
		// Matching: the pen picture or needs being written and what became of publishing it, and
		// the proposals waiting on the person's answer. New tables only; the membership gains
		// the scheme's lists on the next sync.
		version: 4,
		stores: {
			publications: 'kind',
			proposals: 'id'
		}
	},
	{
		// The programme around the pairs: the board as last synced, check-in answers, requests
		// for support. The outbox now carries every kind of item for the scheme, each on a
		// topic; the progress reports already in it become items of the kind 'metrics'.
		version: 5,
		stores: {
			outbox: 'uploadId, [topic+state], state',
			boardPosts: 'id, postedAt',
			boardMeta: 'key',
			surveyAnswers: 'id, [pairId+checkpoint]',
			supportRequests: 'id, requestedAt'
		},
		upgrade: topicOutbox
	}
];

export const currentSchemaVersion = schemaHistory[schemaHistory.length - 1]!.version;
