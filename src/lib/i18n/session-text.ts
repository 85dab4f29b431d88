import type { MeetingMode, SessionStatus } from '$lib/domain/session';
import { m } from '$lib/paraglide/messages.js';

export function modeText(mode: MeetingMode): string {
	switch (mode) {
		case 'in_person':
			return m.mode_in_person();
		case 'phone':
			return m.mode_phone();
		case 'video':
			return m.mode_video();
	}
}

export function sessionStatusText(status: SessionStatus): string {
	switch (status) {
		case 'scheduled':
			return m.session_status_scheduled();
		case 'held':
			return m.session_status_held();
		case 'cancelled':
			return m.session_status_cancelled();
	}
}
