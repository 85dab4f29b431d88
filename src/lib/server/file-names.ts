/** A scheme name as a plain-ASCII file name: no quotes or slashes to break the header. */
export function fileSafe(name: string): string {
	const safe = name
		.normalize('NFKD')
		.replace(/[^\w-]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.toLowerCase();
	return safe || 'scheme';
}
