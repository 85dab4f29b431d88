import type { Action } from '$lib/domain/action';
import type { AgendaItem } from '$lib/domain/agenda';
import type { Goal } from '$lib/domain/goal';
import type { JournalEntry } from '$lib/domain/journal';
import type { Pair } from '$lib/domain/pair';
import type { Session } from '$lib/domain/session';
import type { Win } from '$lib/domain/win';
import { envelope } from '$lib/domain/record';

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;
const at = new Date('2026-11-23T10:00:00.000Z');

export function agendaItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
	return {
		...envelope(nextId('item'), at),
		pairId: 'pair-1',
		title: 'Chairing my first committee',
		details: '',
		raisedBy: 'mentee',
		position: 1,
		discussedInSessionId: null,
		carriedOver: 0,
		...overrides
	};
}

export function goal(overrides: Partial<Goal> = {}): Goal {
	return {
		...envelope(nextId('goal'), at),
		pairId: 'pair-1',
		title: 'Chair planning committee with confidence',
		outcome: 'new_role',
		why: '',
		successLooksLike: '',
		targetDate: null,
		status: 'active',
		manualProgress: 0,
		milestones: [],
		...overrides
	};
}

export function session(overrides: Partial<Session> = {}): Session {
	return {
		...envelope(nextId('session'), at),
		pairId: 'pair-1',
		startsAt: '2026-11-25T14:00',
		plannedMinutes: 60,
		mode: 'in_person',
		place: 'Committee room 2',
		status: 'scheduled',
		actualMinutes: null,
		notes: '',
		...overrides
	};
}

export function action(overrides: Partial<Action> = {}): Action {
	return {
		...envelope(nextId('action'), at),
		pairId: 'pair-1',
		sessionId: null,
		text: 'Read the standing orders',
		owner: 'mentee',
		dueOn: null,
		doneOn: null,
		...overrides
	};
}

export function win(overrides: Partial<Win> = {}): Win {
	return {
		...envelope(nextId('win'), at),
		pairId: 'pair-1',
		wonOn: '2026-11-23',
		text: 'Spoke at full council',
		...overrides
	};
}

export function journalEntry(overrides: Partial<JournalEntry> = {}): JournalEntry {
	return {
		...envelope(nextId('entry'), at),
		entryDate: '2026-11-23',
		prompt: null,
		body: 'Learned how the scrutiny call-in works',
		tags: [],
		...overrides
	};
}

export function pair(overrides: Partial<Pair> = {}): Pair {
	return {
		...envelope('pair-1', at),
		partnerName: 'Cllr Rhian Davies',
		startedOn: '2026-05-01',
		endsOn: '2026-10-31',
		agreement: null,
		...overrides
	};
}
