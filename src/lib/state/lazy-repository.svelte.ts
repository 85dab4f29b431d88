/**
 * A repository whose code loads on first use, away from the first screen, for a component:
 * `current` is empty for a moment, so queries that read it wait for it (pass it as a dep).
 */
export function lazyRepository<R>(load: () => Promise<R>): { readonly current: R | undefined } {
	let repository = $state.raw<R>();
	void load().then((loaded) => (repository = loaded));
	return {
		get current() {
			return repository;
		}
	};
}
