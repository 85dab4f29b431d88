/**
 * The environment variables adapter-node's own entry reads (its handler.js reads ORIGIN,
 * BODY_SIZE_LIMIT, ADDRESS_HEADER, XFF_DEPTH and the other *_HEADER ones itself), read the same
 * way. Socket activation (LISTEN_PID, LISTEN_FDS) and IDLE_TIMEOUT are not supported.
 */

/**
 * adapter-node's parse_as_bytes: a number of bytes, or K, M or G of them.
 * @param {string} value
 */
export function parseBytes(value) {
	const units = /** @type {Record<string, number>} */ ({ K: 1024, M: 1024 ** 2, G: 1024 ** 3 });
	const multiplier = units[value.at(-1)?.toUpperCase() ?? ''] ?? 1;
	return Number(multiplier === 1 ? value : value.slice(0, -1)) * multiplier;
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {number | undefined} fallback
 */
function seconds(env, name, fallback) {
	const value = env[name];
	if (!value) return fallback;
	if (!/^\d+$/.test(value)) {
		throw new Error(`${name} must be a whole number of seconds, not ${JSON.stringify(value)}`);
	}
	return Number(value);
}

/** @param {NodeJS.ProcessEnv} env */
export function serverSettings(env) {
	const socketPath = env.SOCKET_PATH || undefined;
	const bodySizeLimit = parseBytes(env.BODY_SIZE_LIMIT ?? '512K');
	if (Number.isNaN(bodySizeLimit)) {
		throw new Error(
			`BODY_SIZE_LIMIT must be a number of bytes (or K, M, G), not ${env.BODY_SIZE_LIMIT}`
		);
	}
	return {
		socketPath,
		host: env.HOST ?? '0.0.0.0',
		port: env.PORT ?? (socketPath ? undefined : '3000'),
		/** How long requests in flight may take to finish once a stop is asked for. */
		shutdownTimeout: /** @type {number} */ (seconds(env, 'SHUTDOWN_TIMEOUT', 30)),
		keepAliveTimeout: seconds(env, 'KEEP_ALIVE_TIMEOUT', undefined),
		headersTimeout: seconds(env, 'HEADERS_TIMEOUT', undefined),
		bodySizeLimit,
		/**
		 * How much of a body nobody reads is thrown away after the answer, so the connection can
		 * carry the next request. Beyond this the client is abusing it and loses the connection.
		 */
		discardLimit: Math.max(4 * bodySizeLimit, 1024 ** 2),
		httpsOrigin: (env.ORIGIN ?? '').trim().startsWith('https://')
	};
}

/** @typedef {ReturnType<typeof serverSettings>} ServerSettings */
