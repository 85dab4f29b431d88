import type { SupportKind, SupportStatus, SupportUrgency } from '$lib/domain/support';
import { m } from '$lib/paraglide/messages.js';

/** The words for what a mentor asked for, how soon, and where it stands: within a sentence... */
export function supportKindText(kind: SupportKind): string {
	return kind === 'supervision' ? m.support_kind_supervision() : m.support_kind_support();
}

/** ...and on its own, as a label. */
export function supportKindLabel(kind: SupportKind): string {
	return kind === 'supervision'
		? m.support_kind_supervision_label()
		: m.support_kind_support_label();
}

export function supportUrgencyText(urgency: SupportUrgency): string {
	switch (urgency) {
		case 'when-convenient':
			return m.support_urgency_when_convenient();
		case 'this-week':
			return m.support_urgency_this_week();
		case 'urgent':
			return m.support_urgency_urgent();
	}
}

export function supportStatusText(status: SupportStatus): string {
	switch (status) {
		case 'open':
			return m.support_status_open();
		case 'answered':
			return m.support_status_answered();
		case 'cancelled':
			return m.support_status_cancelled();
	}
}
