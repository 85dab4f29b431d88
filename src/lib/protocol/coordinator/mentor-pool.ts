import type { MentorUnavailability } from '$lib/domain/matching/types';
import type { PenPicture } from '$lib/protocol/publication-protocol';
export interface PoolMentor {
	id: string;
	name: string;
	joined: boolean;
	penPicture: PenPicture | null;
	publishedAt: string | null;
	trainedOn: string | null;
	capacity: number | null;
	/** Mentees in an active or paused pair with them. */
	activeMentees: number;
	waitingProposals: number;
	/** Null: can be proposed now. */
	unavailability: MentorUnavailability | 'not-published' | null;
	/** The latest of their devices' last contact and their pairs' last activity. */
	lastActiveOn: string | null;
	/** Not active within the scheme's stall window (or never). */
	inactive: boolean;
}

export interface MentorPool {
	mentors: PoolMentor[];
	/** Self-described gender of mentors with a pen picture; groups under five are suppressed (count null). */
	byGender: { gender: string; count: number | null }[];
}
