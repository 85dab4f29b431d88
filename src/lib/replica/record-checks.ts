import * as v from 'valibot';
import { exportedRecord } from '$lib/domain/export-file';
import type { SharedTable } from './shared-tables';

/**
 * Whether a record rebuilt from the partner's changes is one this app can show: the same
 * checks an imported file passes. A record that fails keeps its merged fields (a later change
 * may mend it) but is not stored, so a faulty device cannot put a broken record on screen.
 */
export function recordFits(table: SharedTable, record: unknown): boolean {
	return v.is(exportedRecord[table], record);
}

/** Decides whether a record rebuilt from merged fields is fit to store (see record-checks). */
export type RecordCheck = (table: SharedTable, record: unknown) => boolean;
