/** A stable random id, chosen when a form opens so a retried save stores the same record. */
export function newId(): string {
	return crypto.randomUUID();
}
