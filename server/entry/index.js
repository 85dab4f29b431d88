// The server entry `node build` runs, in place of adapter-node's (see server/adapter.js): the
// same environment variables, plus security headers on every response, request bodies that
// never break a keep-alive connection, and a stop that closes the database before exiting.
import http from 'node:http';
import { closeServer, firstStopSignal, stopApp } from './graceful-stop.js';
import { discardUnreadBodyAfterAnswer } from './request-bodies.js';
import { securityHeaders } from './security-headers.js';
import { serverSettings } from './settings.js';

const settings = serverSettings(process.env);
// Listening for signals before the app loads: a stop asked for while the database opens or
// migrates waits for that to finish, then closes it.
const stop = firstStopSignal();

/**
 * Loads the app, which opens and migrates the database. A refusal to start (the database is in
 * use by another server, or cannot be opened) carries an exit code and a message for the
 * operator: that message alone is printed, not a stack trace.
 */
async function loadApp() {
	try {
		/** @type {{ handler: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => unknown }} */
		const app = await import(new URL('./handler.js', import.meta.url).href);
		return app;
	} catch (error) {
		const refusal = /** @type {{ exitCode?: unknown, message?: string }} */ (error);
		if (typeof refusal?.exitCode !== 'number') throw error;
		console.error(`\n${refusal.message}\n`);
		process.exit(refusal.exitCode);
	}
}

const { handler } = await loadApp();
const addHeaders = securityHeaders(settings);

const server = http.createServer((req, res) => {
	addHeaders(res);
	if (stop.received()) res.setHeader('connection', 'close');
	discardUnreadBodyAfterAnswer(req, res, settings.discardLimit);
	Promise.resolve(
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		})
	).catch((/** @type {Error} */ error) => {
		console.error(`Request failed: ${error?.name ?? 'Error'}`);
		if (res.headersSent) res.destroy();
		else res.writeHead(500).end('Internal error');
	});
	req.on('close', () => {
		if (stop.received()) server.closeIdleConnections();
	});
});
if (settings.keepAliveTimeout !== undefined) {
	server.keepAliveTimeout = settings.keepAliveTimeout * 1000;
}
if (settings.headersTimeout !== undefined) server.headersTimeout = settings.headersTimeout * 1000;

/** @returns {Promise<void>} */
function listen() {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		const options = settings.socketPath
			? { path: settings.socketPath }
			: { host: settings.host, port: Number(settings.port) };
		server.listen(options, () => {
			server.off('error', reject);
			const where = settings.socketPath ?? `http://${settings.host}:${settings.port}`;
			console.log(`Listening on ${where}`);
			resolve();
		});
	});
}

let exitCode = 0;
let reason = 'SIGTERM';
if (!stop.received()) {
	try {
		await listen();
		const signal = await stop.signal;
		reason = signal;
		console.log(`${signal} received: finishing the requests in flight, then closing the database.`);
		await closeServer(server, settings.shutdownTimeout);
	} catch (error) {
		const failure = /** @type {NodeJS.ErrnoException} */ (error);
		console.error(
			`Cannot listen on ${settings.socketPath ?? `${settings.host}:${settings.port}`}: ${failure.code ?? failure.message}`
		);
		exitCode = 1;
	}
}
if (!(await stopApp(reason))) exitCode = 1;
console.log(exitCode === 0 ? 'Stopped.' : 'Stopped after an error.');
process.exit(exitCode);
