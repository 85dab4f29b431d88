import Dexie from 'dexie';
import type { PairRecords } from '$lib/privacy/progress-metrics';
import type { TandemDb } from './db';

/** Everything live about one pair, for working out its progress metrics. */
export async function readPairRecords(
	db: TandemDb,
	pairId: string
): Promise<PairRecords | undefined> {
	return db.transaction(
		'r',
		[db.pairs, db.sessions, db.agendaItems, db.goals, db.actions, db.wins],
		async () => {
			const pair = await db.pairs.get(pairId);
			if (!pair || pair.deleted === 1) return undefined;
			const [sessions, agendaItems, goals, actions, wins] = await Promise.all([
				db.sessions
					.where('[pairId+deleted+startsAt]')
					.between([pairId, 0, Dexie.minKey], [pairId, 0, Dexie.maxKey])
					.toArray(),
				db.agendaItems.where('[pairId+deleted]').equals([pairId, 0]).toArray(),
				db.goals.where('[pairId+deleted]').equals([pairId, 0]).toArray(),
				db.actions.where('[pairId+deleted]').equals([pairId, 0]).toArray(),
				db.wins
					.where('[pairId+deleted+wonOn]')
					.between([pairId, 0, Dexie.minKey], [pairId, 0, Dexie.maxKey])
					.toArray()
			]);
			return { pair, sessions, agendaItems, goals, actions, wins };
		}
	);
}
