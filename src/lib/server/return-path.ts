/**
 * Where to send someone back to after a small form such as the language switch: only a path
 * of the coordinator pages, never another site ("//evil.example" or "https://...").
 */
export function coordinatorReturnPath(value: FormDataEntryValue | null): string {
	if (typeof value !== 'string') return '/coordinator';
	return /^\/coordinator(?:[/?][^\\\s]*)?$/.test(value) && !value.startsWith('//')
		? value
		: '/coordinator';
}
