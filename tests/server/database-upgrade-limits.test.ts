import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/open-database';
import { pairChannels, pairReports } from '$lib/server/db/schema';
import { migrationsBefore } from '../support/older-migrations';
import { dbTimeout, serverDatabaseBackends } from '../support/server-databases';

for (const backend of serverDatabaseBackends) {
	describe(`upgrading a ${backend.name} database to limits and devices (0005)`, () => {
		it(
			'counts each pair log as it stands and keeps the last upload id of each report',
			async () => {
				const location = await backend.create();
				const older = await openDatabase({
					location,
					migrationsFolder: migrationsBefore('0005_limits_and_devices')
				});
				const [scheme, mentor, mentee, pair, device] = Array.from({ length: 5 }, randomUUID);
				const [applied, stale] = [randomUUID(), randomUUID()];
				// Written as that release wrote them, in its own columns.
				await older.db.execute(sql`
					insert into schemes (id, name, organisation, pilot_starts_on, pilot_ends_on)
					values (${scheme}, 'Held over', 'Example Council', '2026-05-01', '2026-10-31')`);
				await older.db.execute(sql`
					insert into participants (id, scheme_id, role, name) values
					(${mentor}, ${scheme}, 'mentor', 'Morgan'), (${mentee}, ${scheme}, 'mentee', 'Megan')`);
				await older.db.execute(sql`
					insert into pairs (id, scheme_id, mentor_id, mentee_id, starts_on)
					values (${pair}, ${scheme}, ${mentor}, ${mentee}, '2026-05-01')`);
				await older.db.execute(sql`
					insert into devices (id, participant_id, secret_hash) values (${device}, ${mentee}, 'x')`);
				await older.db.execute(sql`
					insert into pair_channels (pair_id, link_verifier) values (${pair}, 'v')`);
				for (const bytes of [100, 250, 4_000])
					await older.db.execute(sql`
						insert into pair_ops (pair_id, op_id, device_id, body)
						values (${pair}, ${randomUUID()}, ${device}, ${Buffer.alloc(bytes, 1)})`);
				await older.db.execute(sql`
					insert into pair_reports (pair_id, participant_id, generated_at, sessions_held,
						sessions_scheduled, agenda_items_raised, agenda_items_discussed, goals_set,
						goals_achieved, goals_dropped, actions_open, actions_done, wins_by_week)
					values (${pair}, ${mentee}, '2026-08-01T10:00:00Z', '[]', 0, 0, 0, 0, 0, 0, 0, 0, '[]')`);
				await older.db.execute(sql`
					insert into metric_uploads (upload_id, pair_id, participant_id, generated_at, applied)
					values (${applied}, ${pair}, ${mentee}, '2026-08-01T10:00:00Z', true),
					       (${stale}, ${pair}, ${mentee}, '2026-07-01T10:00:00Z', false)`);
				await older.close();

				const upgraded = await backend.open(location);
				try {
					const [channel] = await upgraded.db.select().from(pairChannels);
					expect(channel).toMatchObject({ opCount: 3, opBytes: 4_350 });
					const [report] = await upgraded.db.select().from(pairReports);
					expect(report!.uploadId).toBe(applied);
				} finally {
					await upgraded.close();
					await backend.drop(location);
				}
			},
			dbTimeout * 2
		);
	});
}
