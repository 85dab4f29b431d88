import type { CalendarDate } from './calendar-date';
import type { RecordEnvelope } from './record';

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

/** Splits what the user typed in the tags box ("media, Casework") into tags. */
export function parseTags(text: string): string[] {
	return text
		.split(',')
		.map((t) => t.trim().toLowerCase())
		.filter((t) => t.length > 0);
}
