import { type AgreementInput, type Pair, type PairInput } from '$lib/domain/pair';
import { validate } from './form-validation';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { RecordWriter } from './record-writer';
import { writing } from './storage-full';
import type { WriteResult } from './write-result';

export class PairRepository {
	private readonly writer: RecordWriter<Pair>;

	constructor(
		private readonly db: TandemDb,
		clock: Clock
	) {
		this.writer = new RecordWriter(db.pairs, clock);
	}

	async list(): Promise<Pair[]> {
		const pairs = await this.db.pairs.toArray();
		return pairs
			.filter((p) => p.deleted === 0)
			.sort((a, b) => a.partnerName.localeCompare(b.partnerName));
	}

	get(id: string): Promise<Pair | undefined> {
		return this.writer.get(id);
	}

	/** Saves a pair and, if the person has no current pair yet, makes it the current one. */
	async save(id: string, input: unknown): Promise<WriteResult<Pair, PairInput>> {
		const checked = await validate('pairInput', input);
		if (!checked.ok) return checked;
		return writing(() =>
			this.db.transaction('rw', this.db.pairs, this.db.profile, async () => {
				const result = await this.writer.store(id, checked.value, (fields, existing) => ({
					...fields,
					agreement: existing?.agreement ?? null
				}));
				const profile = await this.db.profile.get('me');
				if (profile && profile.currentPairId === null) {
					await this.db.profile.put({ ...profile, currentPairId: id });
				}
				return result;
			})
		);
	}

	async recordAgreement(id: string, input: unknown): Promise<WriteResult<Pair, AgreementInput>> {
		const checked = await validate('agreementInput', input);
		if (!checked.ok) return checked;
		const record = await this.writer.update(id, (p) => ({ ...p, agreement: checked.value }));
		return record ? { ok: true, record } : { ok: false, problems: {} };
	}
}
