import type { BackupSettings } from '$lib/local/rows/backup-settings';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import type { RecordCheck } from '$lib/replica/record-checks';
import type { BackupSnapshot, RestoreCounts } from './backup-snapshot';

/** The device's backup settings, and the snapshot a backup is made of or restored from. */
export class BackupRepository {
	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock
	) {}

	settings(): Promise<BackupSettings | undefined> {
		return this.db.backup.get('me');
	}

	async save(settings: BackupSettings): Promise<void> {
		await this.db.backup.put(settings);
	}

	async update(changes: Partial<Omit<BackupSettings, 'id'>>): Promise<void> {
		await this.db.backup.update('me', changes);
	}

	async turnOff(): Promise<void> {
		await this.db.backup.clear();
	}

	// Backups run after the first screen: their code loads then, not with the app.
	async snapshot(): Promise<BackupSnapshot> {
		const { takeSnapshot } = await import('./backup-snapshot');
		return takeSnapshot(this.db, this.clock);
	}

	async restore(snapshot: BackupSnapshot, check: RecordCheck): Promise<RestoreCounts> {
		const { restoreSnapshot } = await import('./backup-snapshot');
		return restoreSnapshot(this.db, this.clock, snapshot, check);
	}
}
