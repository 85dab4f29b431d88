import { local } from '$lib/local';
import type { BoardRepository } from '$lib/local/board-repository';
import { lazyRepository } from './lazy-repository.svelte';

/** The board's repository for a component; its code loads on first use. */
export function boardRepository(): { readonly current: BoardRepository | undefined } {
	return lazyRepository(() => local().board());
}
