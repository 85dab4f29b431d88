import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type OpenDatabase } from '$lib/server/db/open-database';

export const migrationsFolder = 'drizzle';
// Creating an embedded database runs initdb in WebAssembly: seconds on a busy two-core machine.
export const dbTimeout = 60_000;
const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

export interface ServerDatabaseBackend {
	name: 'PGlite' | 'PostgreSQL';
	/** Where a fresh, empty database lives: a new directory or a new PostgreSQL database. */
	create(): Promise<string>;
	/** A fresh database that already holds today's schema (opening it migrates nothing). */
	createMigrated(): Promise<string>;
	open(location: string): Promise<OpenDatabase>;
	/** Removes what create() made (PostgreSQL only; temp directories go with the machine). */
	drop(location: string): Promise<void>;
}

const open = (location: string) => openDatabase({ location, migrationsFolder });

const pglite: ServerDatabaseBackend = {
	name: 'PGlite',
	create: async () => mkdtempSync(join(tmpdir(), 'tandem-db-')),
	async createMigrated() {
		const location = mkdtempSync(join(tmpdir(), 'tandem-db-'));
		cpSync(inject('pgliteTemplate'), location, { recursive: true });
		return location;
	},
	open,
	drop: async () => {}
};

/** Each test file gets its own database on the server, so files can run in parallel. */
function postgresBackend(url: string): ServerDatabaseBackend {
	const admin = () => postgres(url, { max: 1, onnotice: () => {} });
	const backend: ServerDatabaseBackend = {
		name: 'PostgreSQL',
		// Migrating on PostgreSQL itself takes a moment: no template needed.
		createMigrated: () => backend.create(),
		async create() {
			const name = `tandem_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
			const client = admin();
			await client.unsafe(`create database ${name}`);
			await client.end();
			const target = new URL(url);
			target.pathname = `/${name}`;
			return target.toString();
		},
		open,
		async drop(location) {
			const name = new URL(location).pathname.slice(1);
			const client = admin();
			await client.unsafe(`drop database if exists ${name} with (force)`);
			await client.end();
		}
	};
	return backend;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL (or DATABASE_URL) is set, as in CI. */
export const serverDatabaseBackends: ServerDatabaseBackend[] = [
	pglite,
	...(postgresUrl ? [postgresBackend(postgresUrl)] : [])
];

/**
 * A fresh database on `backend` for the tests of one describe block: made and opened before
 * them (handed to `opened`), closed and dropped after.
 */
export function useFreshDatabase(
	backend: ServerDatabaseBackend,
	opened: (open: OpenDatabase) => void
): void {
	let location: string | undefined;
	let open: OpenDatabase | undefined;
	beforeAll(async () => {
		location = await backend.createMigrated();
		open = await backend.open(location);
		opened(open);
	}, dbTimeout);
	afterAll(async () => {
		await open?.close();
		if (location) await backend.drop(location);
	});
}
