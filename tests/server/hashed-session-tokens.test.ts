import type { BetterAuthOptions, DBAdapter } from 'better-auth';
import { describe, expect, it } from 'vitest';
import { hashSessionToken, hashedSessionTokens } from '$lib/server/hashed-session-tokens';

type Call = { method: string; params: Record<string, unknown> };

/** An adapter that records what it is asked and answers with one stored session. */
function recordingAdapter(calls: Call[]) {
	const stored = { id: 's1', token: hashSessionToken('raw-token'), userId: 'u1' };
	const answer = (method: string, result: unknown) => async (params: Record<string, unknown>) => {
		calls.push({ method, params });
		return result;
	};
	const adapter = {
		id: 'recording',
		create: async (params: { data: Record<string, unknown> }) => {
			calls.push({ method: 'create', params });
			return { id: 's2', ...params.data };
		},
		findOne: answer('findOne', stored),
		findMany: answer('findMany', [stored]),
		count: answer('count', 1),
		update: answer('update', stored),
		updateMany: answer('updateMany', 1),
		delete: answer('delete', undefined),
		deleteMany: answer('deleteMany', 1),
		consumeOne: answer('consumeOne', stored),
		incrementOne: answer('incrementOne', stored),
		transaction: async (callback: (trx: unknown) => Promise<unknown>) => callback(adapter)
	};
	return hashedSessionTokens(() => adapter as unknown as DBAdapter<BetterAuthOptions>)(
		{} as BetterAuthOptions
	);
}

const byToken = (value: unknown, operator?: string) =>
	[{ field: 'token', value, ...(operator ? { operator } : {}) }] as never;

describe('session tokens at rest', () => {
	it('are hashed in every call on the session model, and come back raw', async () => {
		const calls: Call[] = [];
		const adapter = recordingAdapter(calls);
		const created = await adapter.create<Record<string, unknown>>({
			model: 'session',
			data: { token: 'new-token', userId: 'u1' }
		});
		expect(created.token).toBe('new-token');
		expect(calls[0]!.params.data).toMatchObject({ token: hashSessionToken('new-token') });

		const one = { model: 'session', where: byToken('raw-token') };
		expect(await adapter.findOne<{ token: string }>(one)).toMatchObject({ token: 'raw-token' });
		expect(await adapter.update<{ token: string }>({ ...one, update: {} })).toMatchObject({
			token: 'raw-token'
		});
		expect(await adapter.consumeOne<{ token: string }>(one)).toMatchObject({ token: 'raw-token' });
		expect(
			await adapter.incrementOne<{ token: string }>({ ...one, increment: { n: 1 } })
		).toMatchObject({ token: 'raw-token' });
		await adapter.delete(one);
		await adapter.count(one);
		await adapter.updateMany({ ...one, update: { token: 'rotated' } });
		const many = { model: 'session', where: byToken(['raw-token', 'other'], 'in') };
		expect(await adapter.findMany<{ token: string }>(many)).toEqual([
			expect.objectContaining({ token: 'raw-token' })
		]);
		await adapter.deleteMany(many);
		await adapter.transaction((trx) => trx.findOne(one));

		const sent = JSON.stringify(calls.map((c) => c.params));
		expect(sent).not.toMatch(/"raw-token"|"other"|"new-token"|"rotated"/);
		expect(calls.map((c) => c.method)).toEqual([
			'create',
			'findOne',
			'update',
			'consumeOne',
			'incrementOne',
			'delete',
			'count',
			'updateMany',
			'findMany',
			'deleteMany',
			'findOne'
		]);
	});

	it('leave other models alone, and refuse a token matched by anything but equality', async () => {
		const calls: Call[] = [];
		const adapter = recordingAdapter(calls);
		await adapter.findOne({ model: 'verification', where: byToken('raw-token') });
		expect(calls[0]!.params.where).toEqual(byToken('raw-token'));
		await expect(
			adapter.findMany({ model: 'session', where: byToken('raw', 'starts_with') })
		).rejects.toThrow(/only be matched exactly/);
	});
});
