import type { Profile } from '$lib/domain/profile';
import type { ProfileInput } from '$lib/domain/form-inputs';
import { validate } from './form-validation';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { writing } from './storage-full';
import type { WriteResult } from './write-result';

export class ProfileRepository {
	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock
	) {}

	get(): Promise<Profile | undefined> {
		return this.db.profile.get('me');
	}

	async save(input: unknown): Promise<WriteResult<Profile, ProfileInput>> {
		const checked = await validate('profileInput', input);
		if (!checked.ok) return checked;
		return writing(() =>
			this.db.transaction('rw', this.db.profile, async () => {
				const existing = await this.db.profile.get('me');
				const at = this.clock().toISOString();
				const record: Profile = {
					id: 'me',
					currentPairId: existing?.currentPairId ?? null,
					createdAt: existing?.createdAt ?? at,
					...checked.value,
					updatedAt: at
				};
				await this.db.profile.put(record);
				return { ok: true as const, record };
			})
		);
	}

	async choosePair(pairId: string): Promise<void> {
		await writing(() =>
			this.db.profile.update('me', {
				currentPairId: pairId,
				updatedAt: this.clock().toISOString()
			})
		);
	}
}
