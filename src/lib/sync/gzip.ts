/** Backups are JSON, which compresses about fivefold: less to send from a phone, less to store. */
async function through(bytes: Uint8Array<ArrayBuffer>, transform: GenericTransformStream) {
	const stream = new Blob([bytes]).stream().pipeThrough(transform);
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

export const gzip = (bytes: Uint8Array<ArrayBuffer>) =>
	through(bytes, new CompressionStream('gzip'));

/** The original bytes, or null when these are not gzip. */
export async function gunzip(
	bytes: Uint8Array<ArrayBuffer>
): Promise<Uint8Array<ArrayBuffer> | null> {
	try {
		return await through(bytes, new DecompressionStream('gzip'));
	} catch {
		return null;
	}
}
