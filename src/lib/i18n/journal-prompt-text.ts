import type { JournalPrompt } from '$lib/domain/journal';
import { m } from '$lib/paraglide/messages.js';

export function promptText(prompt: JournalPrompt): string {
	switch (prompt) {
		case 'learned':
			return m.prompt_learned();
		case 'differently':
			return m.prompt_differently();
		case 'raise':
			return m.prompt_raise();
	}
}
