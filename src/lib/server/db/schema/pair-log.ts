// A pair's log of sealed operations and each person's sealed backups: ciphertext only.
import {
	bigint,
	bigserial,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { bytea } from '../bytea';
import { createdAt } from './columns';
import { participants, devices } from './people';
import { pairs } from './pairs';

/**
 * A pair's shared log, relayed between its members' devices. The verifier is a fingerprint of
 * a proof derived from the pair key, so the server can tell whether a device holds the key
 * without ever holding it.
 */
export const pairChannels = pgTable('pair_channels', {
	pairId: uuid('pair_id')
		.primaryKey()
		.references(() => pairs.id, { onDelete: 'cascade' }),
	linkVerifier: text('link_verifier').notNull(),
	createdAt: createdAt(),
	/** Set when a member ends the pair: the log still reads, but takes no more operations. */
	endedAt: timestamp('ended_at', { withTimezone: true }),
	/** What the log holds, kept with each push, so its limits cost no count of the log. */
	opCount: integer('op_count').notNull().default(0),
	opBytes: bigint('op_bytes', { mode: 'number' }).notNull().default(0)
});

/** The devices that proved they hold a pair's key, and when each last pushed or pulled. */
export const pairChannelDevices = pgTable(
	'pair_channel_devices',
	{
		pairId: uuid('pair_id')
			.notNull()
			.references(() => pairChannels.pairId, { onDelete: 'cascade' }),
		deviceId: uuid('device_id')
			.notNull()
			.references(() => devices.id, { onDelete: 'cascade' }),
		linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
		lastSyncedAt: timestamp('last_synced_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.pairId, t.deviceId] }),
		index('pair_channel_devices_device').on(t.deviceId)
	]
);

/**
 * One encrypted operation of a pair's log. The sequence number is the pull cursor; the id is
 * the device's, so a retried push is stored once.
 */
export const pairOps = pgTable(
	'pair_ops',
	{
		seq: bigserial('seq', { mode: 'number' }).primaryKey(),
		pairId: uuid('pair_id')
			.notNull()
			.references(() => pairChannels.pairId, { onDelete: 'cascade' }),
		opId: uuid('op_id').notNull(),
		deviceId: uuid('device_id').references(() => devices.id, { onDelete: 'set null' }),
		body: bytea('body').notNull(),
		receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('pair_ops_op').on(t.pairId, t.opId),
		index('pair_ops_pair_seq').on(t.pairId, t.seq)
	]
);

/**
 * The pair key wrapped under a short code the two members share in person, for a few minutes:
 * one open offer per pair.
 */
export const pairLinkOffers = pgTable('pair_link_offers', {
	pairId: uuid('pair_id')
		.primaryKey()
		.references(() => pairs.id, { onDelete: 'cascade' }),
	salt: bytea('salt').notNull(),
	iv: bytea('iv').notNull(),
	wrappedKey: bytea('wrapped_key').notNull(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	createdByDevice: uuid('created_by_device')
		.notNull()
		.references(() => devices.id, { onDelete: 'cascade' })
});

/**
 * A person's backup key, wrapped under their passphrase and under their recovery code. The
 * fingerprint of a value derived from the recovery code lets that code stand in for an
 * invitation on a new device.
 */
export const backupKeys = pgTable('backup_keys', {
	participantId: uuid('participant_id')
		.primaryKey()
		.references(() => participants.id, { onDelete: 'cascade' }),
	salt: bytea('salt').notNull(),
	iterations: integer('iterations').notNull(),
	passphraseIv: bytea('passphrase_iv').notNull(),
	passphraseKey: bytea('passphrase_key').notNull(),
	recoveryIv: bytea('recovery_iv').notNull(),
	recoveryKey: bytea('recovery_key').notNull(),
	recoveryAuthHash: text('recovery_auth_hash').notNull().unique(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * One encrypted backup, uploaded in parts by one device. The totals and checksum are set when
 * the device commits it; until then it is an upload in progress that no one else sees.
 */
export const backups = pgTable(
	'backups',
	{
		id: uuid('id').primaryKey(),
		participantId: uuid('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		deviceId: uuid('device_id')
			.notNull()
			.references(() => devices.id, { onDelete: 'cascade' }),
		parts: integer('parts'),
		bytes: integer('bytes'),
		sha256: text('sha256'),
		committedAt: timestamp('committed_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('backups_participant').on(t.participantId)]
);

export const backupParts = pgTable(
	'backup_parts',
	{
		backupId: uuid('backup_id')
			.notNull()
			.references(() => backups.id, { onDelete: 'cascade' }),
		index: integer('index').notNull(),
		data: bytea('data').notNull()
	},
	(t) => [primaryKey({ columns: [t.backupId, t.index] })]
);
