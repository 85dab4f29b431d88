import type { RecordEnvelope } from './record';

/**
 * A mentor's private preparation note, about the pair in general or one upcoming session.
 * It never leaves the mentor's devices.
 */
export interface PrepNote extends RecordEnvelope {
	pairId: string;
	sessionId: string | null;
	body: string;
}

export type { PrepNoteInput } from './form-inputs';
