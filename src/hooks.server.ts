import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { closeDatabase, database } from '$lib/server/db';

/** Creates or migrates the database before the first request is served. */
export const init: ServerInit = async () => {
	const { kind } = await database();
	console.log(`Database ready (${kind}).`);
	process.once('sveltekit:shutdown', () => void closeDatabase());
};

/** Clients get a plain message; details stay in the server log. */
export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error(error);
	return { message: status >= 500 ? 'Internal error' : message };
};
