import Dexie from 'dexie';
import { settleAgenda } from '$lib/domain/agenda';
import { nowLocal, toLocalDateTime } from '$lib/domain/calendar-date';
import { touched } from '$lib/domain/record';
import type { Session } from '$lib/domain/session';
import type { SessionLogInput, SessionScheduleInput } from '$lib/domain/form-inputs';
import { validate } from './form-validation';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { readPage, type Page } from './page';
import { RecordWriter } from './record-writer';
import { writing } from './storage-full';
import type { WriteResult } from './write-result';

const byTime = '[pairId+deleted+startsAt]';

export class SessionRepository {
	private readonly writer: RecordWriter<Session>;

	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock
	) {
		this.writer = new RecordWriter(db.sessions, clock);
	}

	/** Sessions from the start of today on, soonest first. */
	async upcoming(pairId: string, limit: number): Promise<Page<Session>> {
		const from = nowLocal(this.clock()).slice(0, 10);
		return readPage(
			this.db.sessions.where(byTime).between([pairId, 0, from], [pairId, 0, Dexie.maxKey]),
			limit
		);
	}

	/** Sessions before today, latest first, a page at a time. */
	async past(pairId: string, limit: number): Promise<Page<Session>> {
		const before = nowLocal(this.clock()).slice(0, 10);
		return readPage(
			this.db.sessions
				.where(byTime)
				.between([pairId, 0, Dexie.minKey], [pairId, 0, before], true, false)
				.reverse(),
			limit
		);
	}

	get(id: string): Promise<Session | undefined> {
		return this.writer.get(id);
	}

	schedule(
		id: string,
		pairId: string,
		input: unknown
	): Promise<WriteResult<Session, SessionScheduleInput>> {
		return this.writer.save(id, 'sessionScheduleInput', input, (f, existing) => ({
			pairId,
			startsAt: toLocalDateTime(f.date, f.time),
			plannedMinutes: f.plannedMinutes,
			mode: f.mode,
			place: f.place,
			status: existing?.status ?? 'scheduled',
			actualMinutes: existing?.actualMinutes ?? null,
			notes: existing?.notes ?? ''
		}));
	}

	/**
	 * Records that a session was held, in one transaction with its agenda: the items ticked as
	 * discussed are filed under it and the rest carry over. Logging again only edits the notes.
	 */
	async log(
		id: string,
		input: unknown,
		discussedItemIds: readonly string[]
	): Promise<WriteResult<Session, SessionLogInput>> {
		const checked = await validate('sessionLogInput', input);
		if (!checked.ok) return checked;
		return writing(() =>
			this.db.transaction('rw', this.db.sessions, this.db.agendaItems, async () => {
				const session = await this.db.sessions.get(id);
				if (!session || session.deleted === 1) return { ok: false as const, problems: {} };
				const now = this.clock();
				if (session.status !== 'held') {
					const open = await this.db.agendaItems
						.where('[pairId+deleted]')
						.equals([session.pairId, 0])
						.toArray();
					const settled = settleAgenda(open, new Set(discussedItemIds), id);
					await this.db.agendaItems.bulkPut(settled.map((i) => touched(i, now)));
				}
				const record: Session = touched({ ...session, ...checked.value, status: 'held' }, now);
				await this.db.sessions.put(record);
				return { ok: true as const, record };
			})
		);
	}

	cancel(id: string): Promise<Session | undefined> {
		return this.writer.update(id, (s) => ({ ...s, status: 'cancelled' }));
	}

	remove(id: string): Promise<Session | undefined> {
		return this.writer.remove(id);
	}
}
