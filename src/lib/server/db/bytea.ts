import { customType } from 'drizzle-orm/pg-core';

/**
 * Binary data such as ciphertext, stored as bytea rather than base64 text (a third smaller,
 * and never mistaken for something readable). postgres.js reads bytea as a Buffer, PGlite as a
 * plain Uint8Array; both come back as a Buffer so callers can encode it directly.
 */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	toDriver: (value) => value,
	fromDriver: (value) =>
		Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)
});
