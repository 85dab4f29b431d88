import type { ShownInvitation } from '$lib/protocol/coordinator/invitation';
import QRCode from 'qrcode';
import { invitationPath } from '$lib/domain/invitation-link';
import type { IssuedInvitation } from './invitations';

/**
 * What the page shows once, right after a code is issued: only a fingerprint of the code is
 * stored, so this is the one moment it exists in the clear.
 */
export async function shownInvitation(
	origin: string,
	issued: IssuedInvitation,
	name?: string
): Promise<ShownInvitation> {
	// A colleague's link opens a server-rendered page, which reads its code from the query.
	const link =
		name === undefined
			? `${origin}/coordinator?code=${encodeURIComponent(issued.code)}`
			: `${origin}${invitationPath(issued.code)}`;
	return {
		name,
		code: issued.code,
		link,
		qrSvg: await QRCode.toString(link, { type: 'svg', margin: 1 }),
		expiresAt: issued.expiresAt.toISOString()
	};
}
