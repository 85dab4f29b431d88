/**
 * The scheme server's tables. Nothing confidential is ever stored here in readable form:
 * coordinators, schemes, participants, pairs and progress metrics, plus ciphertext only the
 * devices can open (a pair's shared records, a person's backups; see the README's privacy
 * model). One file per area; after a change, run `npm run db:generate` to write the migration,
 * and never edit a released migration.
 */
export * from './people';
export * from './pairs';
export * from './pair-log';
export * from './matching';
export * from './board';
export * from './check-ins';
export * from './support';
export * from './operations';
