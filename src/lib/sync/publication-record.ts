import type { NeedsDraft, PenPictureDraft } from '$lib/domain/publication-draft';
import type { Needs, PenPicture } from './publication-protocol';
import type { SyncProblem } from './scheme-membership';

/** A mentor publishes a pen picture; a mentee publishes their needs. */
export type PublicationKind = 'pen-picture' | 'needs';

/**
 * draft: nothing is waiting (the scheme holds a copy only if `publishedAt` says so);
 * to-publish / to-withdraw: the person asked and the next sync round does it;
 * published: the scheme took the copy in `payload`.
 */
export type PublicationState = 'draft' | 'to-publish' | 'published' | 'to-withdraw';

/** Why a publication has not reached the scheme: a refusal names the field at fault. */
export type PublicationProblem = SyncProblem | { kind: 'refused'; field: string; problem: string };

interface PublicationBase {
	state: PublicationState;
	/** When the draft last changed. */
	editedAt: string;
	/** When the payload queued (or last taken) was written: sent with it, so a late retry loses. */
	writtenAt: string | null;
	/** When the scheme confirmed it holds a copy; null when it holds none. */
	publishedAt: string | null;
	/** The draft has changed since the copy the scheme holds. */
	unpublishedChanges: boolean;
	lastProblem: PublicationProblem | null;
}

export interface PenPicturePublication extends PublicationBase {
	kind: 'pen-picture';
	draft: PenPictureDraft;
	/** Exactly what Publish queued: the object the preview showed. */
	payload: PenPicture | null;
}

export interface NeedsPublication extends PublicationBase {
	kind: 'needs';
	draft: NeedsDraft;
	payload: Needs | null;
}

export type Publication = PenPicturePublication | NeedsPublication;
export type PublicationOf<K extends PublicationKind> = Extract<Publication, { kind: K }>;
export type DraftOf<K extends PublicationKind> = PublicationOf<K>['draft'];
export type PayloadOf<K extends PublicationKind> = NonNullable<PublicationOf<K>['payload']>;

/** What the next sync round has to send for a publication. */
export type DuePublication =
	| { kind: 'pen-picture'; action: 'publish'; writtenAt: string; payload: PenPicture }
	| { kind: 'needs'; action: 'publish'; writtenAt: string; payload: Needs }
	| { kind: PublicationKind; action: 'withdraw' };
