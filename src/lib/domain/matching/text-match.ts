/** Free text the coordinator or a person typed (gender, group, service area), compared loosely. */
export function known(value: string | null): value is string {
	return value !== null && value.trim() !== '';
}

export function sameText(a: string | null, b: string | null): boolean {
	return known(a) && known(b) && a.trim().toLowerCase() === b.trim().toLowerCase();
}
