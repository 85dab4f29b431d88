/**
 * A mentee names the people they must not be matched with as they know them ("Sian Jones"),
 * not by id. A name matches a mentor's when the two differ only in case, accents, apostrophes
 * or spacing, so "siân  JONES" finds Siân Jones.
 */

export function nameKey(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[‘’`´]/g, "'")
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * The mentors a list of names points at, in the mentors' order. A name two mentors share excludes
 * both: better to leave out one mentor too many than to match someone with the person they named.
 */
export function mentorIdsNamed(
	names: readonly string[],
	mentors: readonly { id: string; name: string }[]
): string[] {
	const wanted = new Set(names.map(nameKey).filter((key) => key !== ''));
	return mentors.filter((m) => wanted.has(nameKey(m.name))).map((m) => m.id);
}
