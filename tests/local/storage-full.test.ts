import { describe, expect, it } from 'vitest';
import { StorageFullError, writing } from '$lib/local/storage-full';
import { testRepositories } from '../support/test-db';

describe('a full disk', () => {
	it('becomes a StorageFullError, whether raw or wrapped by Dexie', async () => {
		const raw = new DOMException('full', 'QuotaExceededError');
		await expect(writing(() => Promise.reject(raw))).rejects.toBeInstanceOf(StorageFullError);
		const wrapped = Object.assign(new Error('Transaction aborted'), {
			name: 'AbortError',
			inner: raw
		});
		await expect(writing(() => Promise.reject(wrapped))).rejects.toBeInstanceOf(StorageFullError);
	});

	it('passes other errors through unchanged', async () => {
		const other = new TypeError('bug');
		await expect(writing(() => Promise.reject(other))).rejects.toBe(other);
	});

	it('surfaces from a repository save and stores nothing', async () => {
		const { repos, db } = testRepositories();
		db.journal.hook('creating', () => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		await expect(
			repos.journal.save('e1', { entryDate: '2026-11-23', body: 'Keep this text' })
		).rejects.toBeInstanceOf(StorageFullError);
		expect(await db.journal.count()).toBe(0);
	});
});
