import { type PairInput } from '$lib/domain/pair';
import type { Profile } from '$lib/domain/profile';
import type { ProfileInput } from '$lib/domain/form-inputs';
import { envelope } from '$lib/domain/record';
import type { FieldProblems } from '$lib/domain/validation';
import { validate } from './form-validation';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { writing } from './storage-full';

export type WelcomeResult =
	{ ok: true; record: Profile } | { ok: false; problems: FieldProblems<ProfileInput & PairInput> };

/**
 * The first run: the person and their first pair are stored together or not at all, so a failed
 * save never leaves a profile without the pair they typed. A mentee still waiting to be matched
 * (pair null) starts with no pair; the scheme's pair arrives when they and a mentor accept.
 */
export async function welcome(
	db: TandemDb,
	clock: Clock,
	pairId: string,
	person: unknown,
	pair: unknown | null
): Promise<WelcomeResult> {
	const p = await validate('profileInput', person);
	const q = pair === null ? null : await validate('pairInput', pair);
	if (!p.ok || (q && !q.ok)) {
		return {
			ok: false,
			problems: { ...(p.ok ? {} : p.problems), ...(q && !q.ok ? q.problems : {}) }
		};
	}
	return writing(() =>
		db.transaction('rw', db.profile, db.pairs, async () => {
			const now = clock();
			const at = now.toISOString();
			if (q) {
				const existingPair = await db.pairs.get(pairId);
				await db.pairs.put({
					...(existingPair ?? envelope(pairId, now)),
					...q.value,
					agreement: null
				});
			}
			const record: Profile = {
				id: 'me',
				...p.value,
				currentPairId: q ? pairId : null,
				createdAt: at,
				updatedAt: at
			};
			await db.profile.put(record);
			return { ok: true as const, record };
		})
	);
}
