/**
 * Headers every response carries, static files included: adapter-node serves build/client and
 * build/prerendered through sirv before SvelteKit's hooks run, so only the entry reaches them.
 * SvelteKit's own headers win where it sets the same one (its CSP on server-rendered pages).
 */

/**
 * The prerendered app shell carries its full policy (with script hashes) in a meta tag, where
 * browsers ignore frame-ancestors. This header adds what a meta tag cannot say, and restricts
 * nothing the meta tag allows: a page must satisfy both, so scripts stay the meta tag's business.
 */
const framingPolicy =
	"frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'";

/** @param {{ httpsOrigin: boolean }} settings */
export function securityHeaders(settings) {
	/** @type {[string, string][]} */
	const headers = [
		['x-content-type-options', 'nosniff'],
		['x-frame-options', 'DENY'],
		// Not no-referrer: with it browsers send "Origin: null" on a same-origin form post, and
		// SvelteKit's origin check then refuses every coordinator form. This sends only our origin
		// to other sites, so no path or query (scheme ids, invitation codes) leaves.
		['referrer-policy', 'strict-origin-when-cross-origin'],
		['content-security-policy', framingPolicy],
		['cross-origin-opener-policy', 'same-origin'],
		// The camera reads a partner's QR code on /link; nothing else is used.
		['permissions-policy', 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()']
	];
	// Only over HTTPS: over plain http the header is ignored, and localhost must stay usable.
	if (settings.httpsOrigin) headers.push(['strict-transport-security', 'max-age=63072000']);
	return (/** @type {import('node:http').ServerResponse} */ res) => {
		for (const [name, value] of headers) res.setHeader(name, value);
	};
}
