import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { database } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** For load balancers and monitoring: the server is up and its database answers. */
export const GET: RequestHandler = async () => {
	const { db, kind } = await database();
	await db.execute(sql`select 1`);
	return json({ status: 'ok', database: kind }, { headers: { 'cache-control': 'no-store' } });
};
