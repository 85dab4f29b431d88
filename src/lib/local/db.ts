import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Action } from '$lib/domain/action';
import type { AgendaItem } from '$lib/domain/agenda';
import type { Goal } from '$lib/domain/goal';
import type { JournalEntry } from '$lib/domain/journal';
import type { Pair } from '$lib/domain/pair';
import type { PrepNote } from '$lib/domain/prep-note';
import type { Profile } from '$lib/domain/profile';
import type { Session } from '$lib/domain/session';
import type { SurveyAnswer } from '$lib/domain/survey';
import type { Win } from '$lib/domain/win';
import type { BackupSettings } from '$lib/local/rows/backup-settings';
import type { BoardMetaRow, CachedBoardPost } from '$lib/local/rows/board-cache';
import type { HeldMessage, PairChannel, PairOutboxMessage } from '$lib/local/rows/pair-channel';
import type { ReplicaState } from '$lib/replica/replica-merge';
import type { Publication } from '$lib/local/rows/publication-record';
import type {
	OutboxEntry,
	SchemeMembership,
	SchemePairLink,
	StoredProposal
} from '$lib/local/rows/scheme-membership';
import type { SupportRequestForDevice } from '$lib/protocol/support-protocol';
import { replicaTracking, type ClockRow } from './replica-tracking';
import { schemaHistory } from './schema-history';

/** The device's own database: everything the person writes lives here first. */
export class TandemDb extends Dexie {
	profile!: EntityTable<Profile, 'id'>;
	pairs!: EntityTable<Pair, 'id'>;
	journal!: EntityTable<JournalEntry, 'id'>;
	goals!: EntityTable<Goal, 'id'>;
	agendaItems!: EntityTable<AgendaItem, 'id'>;
	sessions!: EntityTable<Session, 'id'>;
	actions!: EntityTable<Action, 'id'>;
	wins!: EntityTable<Win, 'id'>;
	prepNotes!: EntityTable<PrepNote, 'id'>;
	membership!: EntityTable<SchemeMembership, 'id'>;
	schemePairs!: EntityTable<SchemePairLink, 'id'>;
	outbox!: EntityTable<OutboxEntry, 'uploadId'>;
	replicaState!: EntityTable<ReplicaState, 'key'>;
	replicaMeta!: EntityTable<ClockRow, 'key'>;
	pairChannels!: EntityTable<PairChannel, 'id'>;
	pairOutbox!: EntityTable<PairOutboxMessage, 'id'>;
	heldMessages!: EntityTable<HeldMessage, 'id'>;
	backup!: EntityTable<BackupSettings, 'id'>;
	publications!: EntityTable<Publication, 'kind'>;
	proposals!: EntityTable<StoredProposal, 'id'>;
	boardPosts!: EntityTable<CachedBoardPost, 'id'>;
	boardMeta!: EntityTable<BoardMetaRow, 'key'>;
	surveyAnswers!: EntityTable<SurveyAnswer, 'id'>;
	supportRequests!: EntityTable<SupportRequestForDevice, 'id'>;

	constructor(name = 'tandem', options?: DexieOptions) {
		super(name, options);
		for (const { version, stores, upgrade } of schemaHistory) {
			const declared = this.version(version).stores(stores);
			if (upgrade) declared.upgrade(upgrade);
		}
		this.use(replicaTracking);
	}
}

/**
 * The tables an export carries, in the order an import writes them. Scheme membership and the
 * outbox stay out: a file must not carry the device's credential to another device.
 */
export const dataTables = [
	'profile',
	'pairs',
	'journal',
	'goals',
	'agendaItems',
	'sessions',
	'actions',
	'wins',
	'prepNotes'
] as const;
export type DataTable = (typeof dataTables)[number];
