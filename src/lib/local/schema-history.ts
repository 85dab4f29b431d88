/**
 * Every version of the on-device schema, oldest first. Never edit a released version:
 * add a new one with its upgrade, and add its fixtures to tests/local/schema-migration.test.ts.
 */
export interface SchemaVersion {
	version: number;
	stores: Record<string, string>;
}

export const schemaHistory: SchemaVersion[] = [
	{
		version: 1,
		stores: {
			profile: 'id',
			pairs: 'id, updatedAt',
			journal: 'id, [deleted+entryDate+createdAt], updatedAt',
			goals: 'id, [pairId+deleted], updatedAt',
			agendaItems: 'id, [pairId+deleted], discussedInSessionId, updatedAt',
			sessions: 'id, [pairId+deleted+startsAt], updatedAt',
			actions: 'id, [pairId+deleted], sessionId, updatedAt',
			wins: 'id, [pairId+deleted+wonOn], updatedAt',
			prepNotes: 'id, [pairId+deleted], sessionId, updatedAt'
		}
	},
	{
		// Joining a scheme: the device's membership, its links to the scheme's pairs, and the
		// outbox of progress reports. New tables only, so existing data needs no upgrade.
		version: 2,
		stores: {
			membership: 'id',
			schemePairs: 'id, localPairId',
			outbox: 'uploadId, [pairId+state], state'
		}
	}
];

export const currentSchemaVersion = schemaHistory[schemaHistory.length - 1]!.version;
