import { liveQuery } from 'dexie';
import { untrack } from 'svelte';

/**
 * A Dexie query whose result stays current as the data changes, in this tab or another.
 * `deps` names the reactive values the query depends on; when they change it subscribes again,
 * keeping the last result on screen meanwhile. Create it during component initialisation.
 */
export class LiveQuery<T> {
	current = $state<T | undefined>(undefined);
	error = $state<unknown>(undefined);
	loaded = $state(false);

	constructor(query: () => Promise<T>, deps: () => unknown = () => undefined) {
		$effect(() => {
			deps();
			const subscription = untrack(() =>
				liveQuery(query).subscribe({
					next: (value) => {
						this.current = value;
						this.error = undefined;
						this.loaded = true;
					},
					error: (error: unknown) => {
						this.error = error;
						this.loaded = true;
					}
				})
			);
			return () => subscription.unsubscribe();
		});
	}
}
