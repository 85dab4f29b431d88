/** Raised when the browser refuses a write because the site's storage is full. */
export class StorageFullError extends Error {
	constructor(cause: unknown) {
		super('Storage is full', { cause });
		this.name = 'StorageFullError';
	}
}

function isQuotaExceeded(error: unknown): boolean {
	let e: unknown = error;
	// Dexie wraps the DOMException; a failed transaction reports it as its inner error.
	for (let depth = 0; e && depth < 4; depth++) {
		const { name, inner } = e as { name?: string; inner?: unknown };
		if (name === 'QuotaExceededError') return true;
		e = inner;
	}
	return false;
}

/** Runs a write, turning a full disk into a StorageFullError the UI can explain. */
export async function writing<T>(write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (error) {
		if (isQuotaExceeded(error)) throw new StorageFullError(error);
		throw error;
	}
}
