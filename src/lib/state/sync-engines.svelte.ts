import { getContext, setContext } from 'svelte';

type SyncModule = typeof import('$lib/sync/sync-triggers');
type Scope = 'all' | 'pairs';

const key = Symbol('sync-engines');

/**
 * The device's sync engines, in one place: the app's layout starts them, and every screen asks
 * here for the one it needs. Their code loads on first use (after the first screen is drawn),
 * so it never delays what the person came to see.
 */
export class SyncEngines {
	#module: Promise<SyncModule> | undefined;

	#load(): Promise<SyncModule> {
		this.#module ??= import('$lib/sync/sync-triggers');
		return this.#module;
	}

	/** Syncs on open, when the network returns, after changes and every few minutes. */
	async start(): Promise<void> {
		(await this.#load()).startSchemeSync();
	}

	/** One round now (or, with 'pairs', only what is shared with partners). */
	async syncNow(scope: Scope = 'all'): Promise<void> {
		await (await this.#load()).syncNow(scope);
	}

	async scheme() {
		return (await this.#load()).schemeSync();
	}

	async pairs() {
		return (await this.#load()).pairSync();
	}

	async backups() {
		return (await this.#load()).backupSync();
	}

	async board() {
		return (await this.#load()).boardSync();
	}

	async linking() {
		return (await this.#load()).deviceLinking();
	}

	async restore() {
		return (await this.#load()).deviceRestore();
	}
}

export function provideSyncEngines(): SyncEngines {
	return setContext(key, new SyncEngines());
}

export function syncEngines(): SyncEngines {
	return getContext<SyncEngines>(key);
}
