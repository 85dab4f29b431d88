import type { ParticipantRole } from '$lib/domain/scheme-inputs';
import { m } from '$lib/paraglide/messages.js';

export function roleText(role: ParticipantRole): string {
	return role === 'mentor' ? m.coord_role_mentor() : m.coord_role_mentee();
}

/** Where someone stands in a scheme: invited, joined with a device, or removed. */
export function participantStatusText(status: 'invited' | 'joined' | 'revoked'): string {
	switch (status) {
		case 'invited':
			return m.coord_person_invited();
		case 'joined':
			return m.coord_person_joined();
		case 'revoked':
			return m.coord_person_removed();
	}
}
