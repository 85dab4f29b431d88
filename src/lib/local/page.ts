/** One page of a long list, read from an index rather than the whole table. */
export interface Page<T> {
	items: T[];
	/** True when there are older records beyond this page. */
	more: boolean;
}
