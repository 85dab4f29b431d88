import { getContext, setContext } from 'svelte';
import type { Pair } from '$lib/domain/pair';
import type { Profile } from '$lib/domain/profile';
import { local } from '$lib/local';
import { LiveQuery } from '$lib/state/live-query.svelte';

/** Who is using the device and which pair the screens are about, kept live for every page. */
export class Workspace {
	private readonly profileQuery = new LiveQuery(() => local().profile.get());
	private readonly pairsQuery = new LiveQuery(() => local().pairs.list());

	get ready(): boolean {
		return this.profileQuery.loaded && this.pairsQuery.loaded;
	}

	get profile(): Profile | undefined {
		return this.profileQuery.current;
	}

	get pairs(): Pair[] {
		return this.pairsQuery.current ?? [];
	}

	/** The pair chosen in the switcher, or the first one. */
	get pair(): Pair | undefined {
		const id = this.profile?.currentPairId;
		return this.pairs.find((p) => p.id === id) ?? this.pairs[0];
	}
}

const key = Symbol('workspace');

export function provideWorkspace(): Workspace {
	return setContext(key, new Workspace());
}

export function workspace(): Workspace {
	return getContext<Workspace>(key);
}
