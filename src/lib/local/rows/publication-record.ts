import type { PublicationProblem } from '$lib/protocol/problems';
import type {
	NeedsDraft,
	PenPictureDraft,
	PublicationStanding
} from '$lib/domain/publication-draft';
import type { Needs, PenPicture } from '$lib/protocol/publication-protocol';

/** A mentor publishes a pen picture; a mentee publishes their needs. */
export type PublicationKind = 'pen-picture' | 'needs';

interface PublicationBase extends PublicationStanding {
	/** When the payload queued (or last taken) was written: sent with it, so a late retry loses. */
	writtenAt: string | null;
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
