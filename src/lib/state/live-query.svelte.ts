import { liveQuery } from 'dexie';
import { untrack } from 'svelte';
import { createSubscriber } from 'svelte/reactivity';

/**
 * A Dexie query whose result stays current as the data changes, in this tab or another.
 * `deps` names the reactive values the query depends on; when they change it subscribes again,
 * keeping the last result on screen meanwhile. It reads the database only while something
 * reactive reads it (a component, an effect, another state class), so it can be made anywhere.
 */
export class LiveQuery<T> {
	#current = $state<T | undefined>(undefined);
	#error = $state<unknown>(undefined);
	#loaded = $state(false);
	#subscribe: () => void;

	constructor(query: () => Promise<T>, deps: () => unknown = () => undefined) {
		this.#subscribe = createSubscriber(() =>
			$effect.root(() => {
				$effect(() => {
					deps();
					const subscription = untrack(() =>
						liveQuery(query).subscribe({
							next: (value) => {
								this.#current = value;
								this.#error = undefined;
								this.#loaded = true;
							},
							error: (error: unknown) => {
								this.#error = error;
								this.#loaded = true;
							}
						})
					);
					return () => subscription.unsubscribe();
				});
			})
		);
	}

	get current(): T | undefined {
		this.#subscribe();
		return this.#current;
	}

	get error(): unknown {
		this.#subscribe();
		return this.#error;
	}

	get loaded(): boolean {
		this.#subscribe();
		return this.#loaded;
	}
}
