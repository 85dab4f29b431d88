import { addMinutes } from 'date-fns';
import type { CalendarDate, LocalDateTime } from './calendar-date';
import { fromLocalDateTime } from './calendar-date';
import type { RecordEnvelope } from './record';

export const meetingModes = ['in_person', 'phone', 'video'] as const;
export type MeetingMode = (typeof meetingModes)[number];

export const sessionStatuses = ['scheduled', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** A meeting of the pair: first scheduled, then logged once it has happened. */
export interface Session extends RecordEnvelope {
	pairId: string;
	startsAt: LocalDateTime;
	plannedMinutes: number;
	mode: MeetingMode;
	/** A room, an address or a call link. */
	place: string;
	status: SessionStatus;
	actualMinutes: number | null;
	/** Shared notes of the pair (confidential to the two of them). */
	notes: string;
}

export function sessionEnd(session: Pick<Session, 'startsAt' | 'plannedMinutes'>): Date {
	return addMinutes(fromLocalDateTime(session.startsAt), session.plannedMinutes);
}

/** The first scheduled session that has not finished yet. */
export function nextSession(sessions: readonly Session[], now: Date): Session | undefined {
	return sessions
		.filter((s) => s.deleted === 0 && s.status === 'scheduled' && sessionEnd(s) > now)
		.sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
}

/** A scheduled session whose time has passed is waiting to be logged. */
export function awaitsLog(session: Session, now: Date): boolean {
	return session.status === 'scheduled' && fromLocalDateTime(session.startsAt) <= now;
}

export function sessionDate(session: Pick<Session, 'startsAt'>): CalendarDate {
	return session.startsAt.slice(0, 10);
}
