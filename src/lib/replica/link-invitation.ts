import { isPairKey } from './crypto/pair-crypto';

/**
 * What the QR code shown at a meeting says: a link to this app with the pair and its key in
 * the fragment. A browser never sends a fragment to the server, so even a phone's own camera
 * app opening the link does not give the key away.
 */
export interface LinkInvitation {
	pairId: string;
	key: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function linkInvitationUrl(origin: string, invitation: LinkInvitation): string {
	return `${origin}/link#v=1&p=${invitation.pairId}&k=${invitation.key}`;
}

/** Reads a scanned code or an opened link; null for anything else (another QR code, say). */
export function readLinkInvitation(text: string): LinkInvitation | null {
	const hash = text.includes('#') ? text.slice(text.indexOf('#') + 1) : text;
	const params = new URLSearchParams(hash);
	const pairId = params.get('p') ?? '';
	const key = params.get('k') ?? '';
	if (params.get('v') !== '1' || !uuid.test(pairId) || !isPairKey(key)) return null;
	return { pairId: pairId.toLowerCase(), key };
}
