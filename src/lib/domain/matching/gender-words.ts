/**
 * Gender is self-described, and the form suggests words in the writer's language: a mentor who
 * wrote "Menyw" and a mentee who asked for "Woman" mean the same. The suggested words of both
 * languages (and their common variants) share one key; any other words compare as written,
 * ignoring case and spacing.
 */
const sameAs: Record<string, string> = {
	woman: 'woman',
	female: 'woman',
	menyw: 'woman',
	benyw: 'woman',
	man: 'man',
	male: 'man',
	dyn: 'man',
	gwryw: 'man',
	'non-binary': 'non-binary',
	nonbinary: 'non-binary',
	'non binary': 'non-binary',
	anneuaidd: 'non-binary'
};

export function genderKey(words: string): string {
	const plain = words.trim().replace(/\s+/g, ' ').toLowerCase();
	return sameAs[plain] ?? plain;
}
