/**
 * A person's own "Sync now": runs one sync round (its code loads on first use) and says
 * whether it is still running, so the button can say so.
 */
export class SyncRound {
	running = $state(false);

	async run(): Promise<void> {
		this.running = true;
		try {
			await (await import('$lib/sync/sync-triggers')).syncNow();
		} finally {
			this.running = false;
		}
	}
}
