import { createHash } from 'node:crypto';
import type { BetterAuthOptions, DBAdapter, Where } from 'better-auth';

/**
 * better-auth keeps each session's token in the clear in its session table, so anyone holding a
 * copy of the database could sign in as any coordinator. This wraps its database adapter so the
 * table holds only the token's SHA-256: every where clause on the token is hashed on the way in,
 * and the raw token (which the cookie carries) is put back in the rows handed to better-auth.
 * A token is 32 random characters from better-auth, so a plain hash cannot be reversed.
 */

const sessionModel = 'session';
const tokenField = 'token';

export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

type AnyAdapter = Omit<DBAdapter<BetterAuthOptions>, 'transaction'> & {
	transaction?: DBAdapter<BetterAuthOptions>['transaction'];
};
type Row = Record<string, unknown>;

/** The raw tokens of one call, by their hash, to put back in what the database returns. */
class TokenMap {
	private byHash = new Map<string, string>();

	hash(token: unknown): unknown {
		if (typeof token !== 'string') return token;
		const hashed = hashSessionToken(token);
		this.byHash.set(hashed, token);
		return hashed;
	}

	where(where: Where[] | undefined): Where[] | undefined {
		return where?.map((clause) => {
			if (clause.field !== tokenField) return clause;
			const operator = clause.operator ?? 'eq';
			if (!['eq', 'ne', 'in', 'not_in'].includes(operator)) {
				throw new Error(`A session token can only be matched exactly, not with ${operator}`);
			}
			const value = Array.isArray(clause.value)
				? (clause.value as unknown[]).map((v) => this.hash(v))
				: this.hash(clause.value);
			return { ...clause, value } as Where;
		});
	}

	data<T>(data: T): T {
		if (!data || typeof data !== 'object' || !(tokenField in data)) return data;
		return { ...data, [tokenField]: this.hash((data as Row)[tokenField]) };
	}

	restore<T>(result: T): T {
		if (Array.isArray(result)) return result.map((row) => this.restore(row)) as T;
		if (!result || typeof result !== 'object') return result;
		const token = (result as Row)[tokenField];
		const raw = typeof token === 'string' ? this.byHash.get(token) : undefined;
		return raw === undefined ? result : ({ ...result, [tokenField]: raw } as T);
	}
}

function wrap<A extends AnyAdapter>(adapter: A): A {
	const forSessions =
		<P extends { model: string; where?: Where[] }, R>(
			call: (params: P) => Promise<R>,
			change: (tokens: TokenMap, params: P) => P = (tokens, params) => ({
				...params,
				where: tokens.where(params.where)
			})
		) =>
		async (params: P): Promise<R> => {
			if (params.model !== sessionModel) return call(params);
			const tokens = new TokenMap();
			return tokens.restore(await call(change(tokens, params)));
		};
	const wrapped: AnyAdapter = {
		...adapter,
		create: forSessions(
			adapter.create as never,
			(tokens, params: { model: string; data: Row }) => ({
				...params,
				data: tokens.data(params.data)
			})
		) as A['create'],
		findOne: forSessions(adapter.findOne as never) as A['findOne'],
		findMany: forSessions(adapter.findMany as never) as A['findMany'],
		count: forSessions(adapter.count as never) as A['count'],
		update: forSessions(
			adapter.update as never,
			(tokens, params: { model: string; where: Where[]; update: Row }) => ({
				...params,
				where: tokens.where(params.where)!,
				update: tokens.data(params.update)
			})
		) as A['update'],
		updateMany: forSessions(
			adapter.updateMany as never,
			(tokens, params: { model: string; where: Where[]; update: Row }) => ({
				...params,
				where: tokens.where(params.where)!,
				update: tokens.data(params.update)
			})
		) as A['updateMany'],
		delete: forSessions(adapter.delete as never) as A['delete'],
		deleteMany: forSessions(adapter.deleteMany as never) as A['deleteMany'],
		consumeOne: forSessions(adapter.consumeOne as never) as A['consumeOne'],
		incrementOne: forSessions(
			adapter.incrementOne as never,
			(tokens, params: { model: string; where: Where[]; set?: Row }) => ({
				...params,
				where: tokens.where(params.where)!,
				set: tokens.data(params.set)
			})
		) as A['incrementOne']
	};
	if (adapter.transaction) {
		const transaction = adapter.transaction.bind(adapter);
		wrapped.transaction = ((callback: (trx: AnyAdapter) => Promise<unknown>) =>
			transaction((trx) => callback(wrap(trx as AnyAdapter)))) as DBAdapter['transaction'];
	}
	return wrapped as A;
}

/** better-auth's `database` option, with session tokens kept hashed. */
export function hashedSessionTokens(
	adapter: (options: BetterAuthOptions) => DBAdapter<BetterAuthOptions>
): (options: BetterAuthOptions) => DBAdapter<BetterAuthOptions> {
	return (options) => wrap(adapter(options));
}
