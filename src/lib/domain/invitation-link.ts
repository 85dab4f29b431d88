/**
 * An invitation link carries its code in the fragment (`/join#code=7KQ2-M9XD`): browsers never
 * send a fragment to a server, so the code stays out of proxy and server logs. Links from before
 * (`/join?code=`) still work.
 */
export function invitationPath(code: string): string {
	return `/join#code=${encodeURIComponent(code)}`;
}

export function invitationCodeOf(url: URL): string {
	return new URLSearchParams(url.hash.slice(1)).get('code') ?? url.searchParams.get('code') ?? '';
}

/** Where a new phone goes once it is set up: back to the invitation it opened, if any. */
export function afterSetUp(next: string | null): string {
	return next && /^\/join[?#]/.test(next) ? next : '/';
}
