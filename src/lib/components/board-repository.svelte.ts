import { local } from '$lib/local';
import type { BoardRepository } from '$lib/local/board-repository';

/**
 * The board's repository for a component. Its code loads on first use, away from the first
 * screen, so `current` is empty for a moment; queries wait for it.
 */
export function boardRepository(): { readonly current: BoardRepository | undefined } {
	let repository = $state.raw<BoardRepository>();
	void local()
		.board()
		.then((loaded) => (repository = loaded));
	return {
		get current() {
			return repository;
		}
	};
}
