import { once } from 'node:events';

/**
 * Stopping on SIGTERM or SIGINT: stop accepting, let requests in flight finish (for at most
 * SHUTDOWN_TIMEOUT seconds), then let the app close what it holds (the database) and exit 0.
 * `npm start` forwards the signal to this process, which a signal to the process group has
 * already reached, so a second signal is expected and must not cut the close short.
 */

/** Resolves with the first stop signal; later ones only say that the stop is under way. */
export function firstStopSignal() {
	/** @type {(signal: NodeJS.Signals) => void} */
	let resolve = () => {};
	/** @type {Promise<NodeJS.Signals>} */
	const signal = new Promise((done) => (resolve = done));
	let received = false;
	for (const name of /** @type {NodeJS.Signals[]} */ (['SIGTERM', 'SIGINT'])) {
		process.on(name, () => {
			if (received) {
				console.log(`${name} received: already stopping, the database is closed before exit.`);
				return;
			}
			received = true;
			resolve(name);
		});
	}
	return { signal, received: () => received };
}

/**
 * Stops accepting and waits for the requests in flight; keep-alive connections are closed as
 * soon as they fall idle, and any still busy after `timeoutSeconds` are cut.
 * @param {import('node:http').Server} server
 * @param {number} timeoutSeconds
 */
export async function closeServer(server, timeoutSeconds) {
	const closed = once(server, 'close');
	server.close();
	server.closeIdleConnections();
	const cut = setTimeout(() => server.closeAllConnections(), timeoutSeconds * 1000);
	await closed;
	clearTimeout(cut);
}

/**
 * Runs the app's own stop work (src/lib/server/shutdown.ts registers it) and waits for all of
 * it. A timer holds the process open meanwhile: with the server closed nothing else would, and
 * Node would exit with the database half closed.
 * @param {string} reason
 * @returns {Promise<boolean>} whether all of it succeeded
 */
export async function stopApp(reason) {
	const hold = setInterval(() => {}, 60_000);
	/** @type {Promise<unknown>[]} */
	const work = [];
	try {
		// Node's types know only its own events; these two are the app's.
		const events = /** @type {import('node:events').EventEmitter} */ (
			/** @type {unknown} */ (process)
		);
		events.emit('sveltekit:shutdown', reason);
		events.emit('tandem:shutdown', (/** @type {Promise<unknown>} */ task) => work.push(task));
		const results = await Promise.allSettled(work);
		const failed = results.filter((r) => r.status === 'rejected');
		for (const failure of failed) {
			const error = /** @type {PromiseRejectedResult} */ (failure).reason;
			console.error(`Stopping failed: ${error?.name ?? 'Error'}`);
		}
		return failed.length === 0;
	} finally {
		clearInterval(hold);
	}
}
