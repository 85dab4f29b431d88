type WaitUntil = (work: Promise<unknown>) => void;

/**
 * Work to do when the server stops, after the last request has been answered: the server entry
 * (server/entry/graceful-stop.js) emits `tandem:shutdown` and waits for all of it before exiting.
 */
export function whenServerStops(task: () => Promise<void>): void {
	process.once('tandem:shutdown', (waitUntil: WaitUntil) => waitUntil(task()));
}
