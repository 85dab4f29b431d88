import type { FieldProblem } from '$lib/domain/validation';
import { StorageFullError } from '$lib/local';
import type { WriteResult } from '$lib/local/write-result';
import { m } from '$lib/paraglide/messages.js';

/**
 * The state every form shares: per-field problems, a form-level error, and a busy flag.
 * A failed save never clears what the person typed.
 */
export class FormState {
	problems = $state<Partial<Record<string, FieldProblem>>>({});
	error = $state<string | undefined>(undefined);
	saving = $state(false);

	/** Runs a write; returns the saved record, or undefined after showing what went wrong. */
	async run<R>(write: () => Promise<WriteResult<R, object>>): Promise<R | undefined> {
		this.saving = true;
		this.error = undefined;
		try {
			const result = await write();
			if (result.ok) {
				this.problems = {};
				return result.record;
			}
			this.problems = result.problems as Partial<Record<string, FieldProblem>>;
			if (Object.keys(result.problems).length === 0) this.error = m.error_not_found();
			return undefined;
		} catch (error) {
			this.error =
				error instanceof StorageFullError ? m.error_storage_full() : m.error_save_failed();
			return undefined;
		} finally {
			this.saving = false;
		}
	}

	reset(): void {
		this.problems = {};
		this.error = undefined;
	}
}
