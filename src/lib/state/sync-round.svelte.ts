import type { SyncEngines } from './sync-engines.svelte';

/** A person's own "Sync now": runs one sync round and says whether it is still running. */
export class SyncRound {
	running = $state(false);

	constructor(private engines: SyncEngines) {}

	async run(): Promise<void> {
		this.running = true;
		try {
			await this.engines.syncNow();
		} finally {
			this.running = false;
		}
	}
}
