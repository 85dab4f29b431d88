import * as v from 'valibot';
import type { RecordEnvelope } from './record';
import { limits } from './limits';
import { requiredText } from './validation';

/**
 * A mentor's private preparation note, about the pair in general or one upcoming session.
 * It never leaves the mentor's devices.
 */
export interface PrepNote extends RecordEnvelope {
	pairId: string;
	sessionId: string | null;
	body: string;
}

export const prepNoteInput = v.object({ body: requiredText(limits.longText) });
export type PrepNoteInput = v.InferOutput<typeof prepNoteInput>;
