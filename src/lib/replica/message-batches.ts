import type { Change } from './replica-merge';

/** Plaintext per message, well inside the server's limit once encrypted and encoded. */
const messageBytes = 32 * 1024;

/**
 * Splits changes into messages of a sensible size, keeping their order. Apart from the rest of
 * the message format because every write to a linked pair needs it, from the first screen on.
 */
export function splitIntoMessages(changes: readonly Change[]): Change[][] {
	const messages: Change[][] = [];
	let current: Change[] = [];
	let size = 0;
	for (const change of changes) {
		const bytes = new TextEncoder().encode(JSON.stringify(change)).length;
		if (current.length > 0 && size + bytes > messageBytes) {
			messages.push(current);
			current = [];
			size = 0;
		}
		current.push(change);
		size += bytes;
	}
	if (current.length > 0) messages.push(current);
	return messages;
}
