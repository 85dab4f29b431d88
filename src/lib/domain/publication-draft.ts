import type { FieldProblem } from '$lib/domain/validation';
import type { PreferenceStrength } from './matching/vocabulary';

/**
 * A pen picture or needs as the person is writing it: what the form holds, kept on the device
 * as they type. Empty strings and nulls stand for "not given"; only Preview turns a draft into
 * what the scheme would receive, and checks it.
 */
export interface PenPictureDraft {
	text: string;
	/** Members: councillor roles held. */
	roles: string[];
	/** Officers. */
	level: string;
	serviceArea: string;
	/** Members, optional. */
	group: string;
	areas: string[];
	yearsExperience: number | null;
	capacity: number | null;
	gender: string;
	/** Members who have stepped down: the day they did (YYYY-MM-DD). */
	formerMemberSince: string;
}

export interface PreferenceDraft<T> {
	value: T;
	strength: PreferenceStrength;
}

export interface NeedsDraft {
	summary: string;
	/** Most wanted first. */
	areas: string[];
	level: string;
	serviceArea: string;
	group: string;
	gender: PreferenceDraft<string>;
	role: PreferenceDraft<string>;
	experience: PreferenceDraft<number | null>;
	lineManager: string;
	/** Always three entries, one per input; empty ones are left out. */
	avoidPeople: string[];
	ownGroup: boolean;
	/** The mentee's own gender, for the scheme's equality figures; absent from older drafts. */
	ownGender?: string;
}

export const avoidPeopleInputs = 3;

export function emptyPenPictureDraft(): PenPictureDraft {
	return {
		text: '',
		roles: [],
		level: '',
		serviceArea: '',
		group: '',
		areas: [],
		yearsExperience: null,
		capacity: 1,
		gender: '',
		formerMemberSince: ''
	};
}

export function emptyNeedsDraft(): NeedsDraft {
	return {
		summary: '',
		areas: [],
		level: '',
		serviceArea: '',
		group: '',
		gender: { value: '', strength: 'nice' },
		role: { value: '', strength: 'nice' },
		experience: { value: null, strength: 'nice' },
		lineManager: '',
		avoidPeople: Array.from({ length: avoidPeopleInputs }, () => ''),
		ownGroup: false,
		ownGender: ''
	};
}

/** What is wrong with a field of a draft; the list problems have no FieldProblem of their own. */
export type DraftProblem = FieldProblem | 'none_chosen' | 'too_many' | 'twice';

export type DraftProblems = Partial<Record<string, DraftProblem>>;

export type DraftCheck<T> = { ok: true; value: T } | { ok: false; problems: DraftProblems };

/**
 * draft: nothing is waiting (the scheme holds a copy only if `publishedAt` says so);
 * to-publish / to-withdraw: the person asked and the next sync round does it;
 * published: the scheme took the copy in `payload`.
 */
export type PublicationState = 'draft' | 'to-publish' | 'published' | 'to-withdraw';

/** Where a person's publication stands with the scheme, as the screens tell it. */
export interface PublicationStanding {
	state: PublicationState;
	/** When the draft last changed. */
	editedAt: string;
	/** When the scheme confirmed it holds a copy; null when it holds none. */
	publishedAt: string | null;
	/** The draft has changed since the copy the scheme holds. */
	unpublishedChanges: boolean;
}
