import { ActionRepository } from './action-repository';
import type { BoardRepository } from './board-repository';
import { BackupRepository } from './backup-repository';
import { AgendaRepository } from './agenda-repository';
import type { Clock } from './clock';
import type { DataTransfer } from './data-transfer';
import type { TandemDb } from './db';
import { GoalRepository } from './goal-repository';
import { JournalRepository } from './journal-repository';
import { JournalSearch } from './journal-search';
import { welcome } from './onboarding';
import { OwnDeviceRepository } from './own-devices';
import { readPairRecords } from './pair-records';
import { PairChannelRepository } from './pair-channel-repository';
import { PairRepository } from './pair-repository';
import { PrepNoteRepository } from './prep-note-repository';
import { ProfileRepository } from './profile-repository';
import { PublicationRepository } from './publication-repository';
import { SchemeRepository } from './scheme-repository';
import { SessionRepository } from './session-repository';
import type { SupportRepository } from './support-repository';
import type { SurveyRepository } from './survey-repository';
import { WinRepository } from './win-repository';

/** Every read and write of the device's data goes through one of these. */
export function createRepositories(db: TandemDb, clock: Clock) {
	const journal = new JournalRepository(db, clock);
	// Export, import and erase are rare: their code and the export file schema load on first use.
	const transfer = (): Promise<DataTransfer> =>
		import('./data-transfer').then(({ DataTransfer }) => new DataTransfer(db, clock));
	const scheme = new SchemeRepository(db, clock);
	// The board's, check-ins' and support's code loads on first use, never on the first screen.
	let board: Promise<BoardRepository> | undefined;
	let surveys: Promise<SurveyRepository> | undefined;
	let support: Promise<SupportRepository> | undefined;
	return {
		profile: new ProfileRepository(db, clock),
		pairs: new PairRepository(db, clock),
		journal,
		journalSearch: new JournalSearch(journal),
		goals: new GoalRepository(db, clock),
		agenda: new AgendaRepository(db, clock),
		sessions: new SessionRepository(db, clock),
		actions: new ActionRepository(db, clock),
		wins: new WinRepository(db, clock),
		prepNotes: new PrepNoteRepository(db, clock),
		scheme,
		devices: new OwnDeviceRepository(db),
		surveys: (): Promise<SurveyRepository> =>
			(surveys ??= import('./survey-repository').then(
				({ SurveyRepository }) => new SurveyRepository(db, clock, scheme)
			)),
		support: (): Promise<SupportRepository> =>
			(support ??= import('./support-repository').then(
				({ SupportRepository }) => new SupportRepository(db, clock, scheme)
			)),
		publications: new PublicationRepository(db, clock),
		pairChannels: new PairChannelRepository(db, clock),
		backup: new BackupRepository(db, clock),
		board: (): Promise<BoardRepository> =>
			(board ??= import('./board-repository').then(
				({ BoardRepository }) => new BoardRepository(db, clock, scheme)
			)),
		transfer: {
			exportAll: async () => (await transfer()).exportAll(),
			importFile: async (text: string) => (await transfer()).importFile(text),
			eraseEverything: async () => (await transfer()).eraseEverything()
		},
		pairRecords: (pairId: string) => readPairRecords(db, pairId),
		welcome: (pairId: string, person: unknown, pair: unknown | null) =>
			welcome(db, clock, pairId, person, pair)
	};
}

export type Repositories = ReturnType<typeof createRepositories>;
