import * as v from 'valibot';
import type { CalendarDate } from './calendar-date';
import type { RecordEnvelope } from './record';
import { limits } from './limits';
import { calendarDate, choice, requiredText } from './validation';

/** Reflective prompts that start a journal entry; an entry may have none. */
export const journalPrompts = ['learned', 'differently', 'raise'] as const;
export type JournalPrompt = (typeof journalPrompts)[number];

/** Themes a mentee can tag an entry with; they may also type their own. */
export const suggestedTags = [
	'time management',
	'media relations',
	'community engagement',
	'casework',
	'committees',
	'leadership',
	'officer relationships',
	'confidence'
] as const;

/** A private entry in the mentee's learning journal. It never leaves its author's devices. */
export interface JournalEntry extends RecordEnvelope {
	entryDate: CalendarDate;
	prompt: JournalPrompt | null;
	body: string;
	tags: string[];
}

const tag = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(limits.tag, 'too_long'));

export const journalInput = v.object({
	entryDate: calendarDate,
	prompt: v.pipe(
		v.optional(v.nullable(v.union([choice(journalPrompts), v.literal('')])), null),
		v.transform((p) => (p === '' || p === undefined ? null : p))
	),
	body: requiredText(limits.longText),
	tags: v.pipe(
		v.optional(v.array(tag), []),
		v.transform((tags) => [...new Set(tags.filter((t) => t.length > 0))]),
		v.maxLength(limits.tags, 'too_long')
	)
});
export type JournalInput = v.InferOutput<typeof journalInput>;

/** Splits what the user typed in the tags box ("media, Casework") into tags. */
export function parseTags(text: string): string[] {
	return text
		.split(',')
		.map((t) => t.trim().toLowerCase())
		.filter((t) => t.length > 0);
}
