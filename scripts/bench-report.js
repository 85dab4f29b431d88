// `npm run bench`, the evaluation report: a scheme two years in, 2,000 pairs whose two members
// both reported a session and wins every week, with check-ins at every checkpoint, on PGlite
// and on PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set. Times the report page and
// its CSV through the built server over loopback.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
	copyOfBuild,
	loadBeforeRun,
	median,
	onEachDatabase,
	root,
	startApp as startAppIn
} from './bench-support.js';

const ports = { pglite: 4700, postgres: 4701 };
const runs = Number(process.env.BENCH_RUNS ?? 7);
const pairsCount = 2000;
const weeks = 104;
const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

const work = copyOfBuild();
const startApp = (...args) => startAppIn(work, ...args);

/**
 * The scheme as the server would hold it after two years of uploads: each member's latest
 * report (pair_reports), the merged rows recordMetrics keeps (pair_progress, pair_sessions,
 * pair_win_weeks), pen pictures and needs, four check-ins per person and shared wins. The two
 * members log the same weekly session at different lengths (merged at the longer), and every
 * ninth pair stopped meeting a few weeks ago.
 */
function seedSql(coordinatorEmail) {
	const schemeId = randomUUID();
	const sql = `
		insert into schemes (id, name, organisation, pilot_starts_on, pilot_ends_on, review_on) values
			('${schemeId}', 'Bench report', 'Bench Council', current_date - 7 * ${weeks + 2},
				current_date - 7 * ${weeks - 24}, current_date);
		create temp table bench_pairs as
			select i, i % 9 as lag, gen_random_uuid() as pair_id,
				gen_random_uuid() as mentor_id, gen_random_uuid() as mentee_id
			from generate_series(1, ${pairsCount}) i;
		insert into participants (id, scheme_id, role, name, joined_at)
			select mentor_id, '${schemeId}'::uuid, 'mentor', 'Mentor ' || i, now() - interval '2 years'
			from bench_pairs
			union all
			select mentee_id, '${schemeId}'::uuid, 'mentee', 'Mentee ' || i, now() - interval '2 years'
			from bench_pairs;
		insert into mentor_profiles (participant_id, pen_picture, written_at, published_at)
			select mentor_id, jsonb_build_object('text', 'Years on the council.',
				'roles', case i % 3 when 0 then '["cabinet", "ward-member"]'::jsonb else '["ward-member"]'::jsonb end,
				'level', null, 'serviceArea', null, 'group', null, 'areas', '["leadership"]'::jsonb,
				'yearsExperience', 5, 'capacity', 2,
				'gender', (array['Woman', 'man', 'Menyw', null, 'Non-binary'])[1 + i % 5],
				'formerMemberSince', null), now(), now()
			from bench_pairs;
		insert into mentee_needs (participant_id, needs, written_at, published_at)
			select mentee_id, jsonb_build_object('summary', '', 'areas', '["leadership"]'::jsonb,
				'level', null, 'serviceArea', null, 'group', null,
				'preferences', '{"gender": null, "role": null, "experience": null}'::jsonb,
				'avoid', '{"lineManager": null, "people": [], "ownGroup": false}'::jsonb,
				'gender', (array['woman', 'Man', null])[1 + i % 3]), now(), now()
			from bench_pairs;
		insert into pairs (id, scheme_id, mentor_id, mentee_id, starts_on, ends_on, status)
			select pair_id, '${schemeId}'::uuid, mentor_id, mentee_id, current_date - 7 * (${weeks} + lag),
				case when i % 20 = 0 then current_date - 7 * lag else current_date + 180 end,
				case i % 20 when 0 then 'ended' when 1 then 'paused' else 'active' end
			from bench_pairs;
		insert into pair_reports (pair_id, participant_id, generated_at, sessions_held,
				sessions_scheduled, agenda_items_raised, agenda_items_discussed, goals_set,
				goals_achieved, goals_dropped, actions_open, actions_done, wins_by_week)
			select pair_id, who, now() - interval '1 week' * lag,
				(select jsonb_agg(jsonb_build_object(
						'on', to_char(current_date - 7 * (w + lag), 'YYYY-MM-DD'),
						'minutes', 30 + (i * 7 + w * 13 + extra) % 61) order by w desc)
					from generate_series(0, ${weeks - 1}) w),
				${weeks + 6}, 150, 120, 3 + i % 5, i % 4, i % 2, i % 3, 40 + i % 7,
				(select jsonb_agg(jsonb_build_object(
						'week', to_char(current_date - 7 * (w + lag), 'IYYY-"W"IW'),
						'wins', 1 + (i + w + extra) % 3) order by w desc)
					from generate_series(0, ${weeks - 1}) w)
			from bench_pairs cross join lateral (values (mentor_id, 0), (mentee_id, 5)) m(who, extra);
		insert into pair_sessions (pair_id, scheme_id, held_on, minutes)
			select r.pair_id, '${schemeId}'::uuid, (s->>'on')::date, max((s->>'minutes')::int)
			from pair_reports r join bench_pairs b on b.pair_id = r.pair_id
			cross join lateral jsonb_array_elements(r.sessions_held) s
			group by 1, 3;
		insert into pair_win_weeks (pair_id, scheme_id, week_of, wins)
			select r.pair_id, '${schemeId}'::uuid, to_date(w->>'week', 'IYYY-"W"IW'), max((w->>'wins')::int)
			from pair_reports r join bench_pairs b on b.pair_id = r.pair_id
			cross join lateral jsonb_array_elements(r.wins_by_week) w
			group by 1, 3;
		insert into pair_months (pair_id, scheme_id, month, sessions, minutes, wins)
			select pair_id, scheme_id, month, sum(sessions), sum(minutes), sum(wins) from (
				select pair_id, scheme_id, date_trunc('month', held_on)::date as month,
					count(*) as sessions, sum(minutes) as minutes, 0 as wins
				from pair_sessions group by 1, 2, 3
				union all
				select pair_id, scheme_id, date_trunc('month', week_of)::date, 0, 0, sum(wins)
				from pair_win_weeks group by 1, 2, 3
			) m group by 1, 2, 3;
		insert into pair_progress (pair_id, sessions_held, minutes_held, last_met_on,
				sessions_scheduled, goals_set, goals_achieved, wins_logged)
			select b.pair_id, count(*), sum(s.minutes), max(s.held_on), ${weeks + 6}, 3 + b.i % 5, b.i % 4, 0
			from bench_pairs b join pair_sessions s on s.pair_id = b.pair_id
			group by b.pair_id, b.i;
		insert into survey_responses (id, scheme_id, pair_id, participant_id, role, checkpoint,
				answered_at, confidence, goal_progress, relationship, meetings_useful, again, outcomes, comment)
			select gen_random_uuid(), '${schemeId}'::uuid, b.pair_id, m.who, m.role, c.checkpoint,
				now() - interval '1 week' * (${weeks} + b.lag - c.after_weeks),
				1 + (b.i + c.n) % 5, 1 + (b.i * 3 + c.n) % 5,
				case when c.n > 0 then 1 + (b.i + 2 * c.n) % 5 end,
				case when c.n > 0 then 1 + (b.i + 3 * c.n) % 5 end,
				case when c.n >= 2 then (array['yes', 'maybe', 'no'])[1 + b.i % 3] end,
				case when c.n >= 2 and b.i % 4 = 0 then '["promotion", "new-role"]'::jsonb else '[]'::jsonb end,
				case when b.i % 40 = 0 and c.n = 2 then 'Having someone outside my team to ask helped.' end
			from bench_pairs b
			cross join lateral (values (b.mentor_id, 'mentor'), (b.mentee_id, 'mentee')) m(who, role)
			cross join (values ('baseline', 0, 0), ('midpoint', 1, 13), ('end', 2, 26), ('follow-up', 3, 52))
				c(checkpoint, n, after_weeks);
		insert into board_posts (id, scheme_id, author_id, kind, text, show_name, posted_at)
			select gen_random_uuid(), '${schemeId}'::uuid, mentee_id, 'win', 'A win', true,
				now() - interval '1 day' * (i % 700)
			from bench_pairs where i % 3 = 0;
		drop table bench_pairs;
		insert into scheme_coordinators (scheme_id, user_id)
			select '${schemeId}'::uuid, id from auth_users where email = '${coordinatorEmail}';
		analyze;`;
	return { sql, schemeId };
}

/** A new coordinator account through the sign-up form; returns its session cookie. */
async function signUp(app, port) {
	const email = `bench-${Date.now()}@example.org`;
	const response = await fetch(`${app.origin}/coordinator/sign-up`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: `http://localhost:${port}`
		},
		body: new URLSearchParams({ name: 'Bench Coordinator', email, password: 'bench-password-1' })
	});
	const cookies = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.filter((c) => c.startsWith('tandem'));
	if (cookies.length === 0) {
		throw new Error(`Sign-up gave no session cookie (HTTP ${response.status}):\n${app.output()}`);
	}
	return { email, cookie: cookies.join('; ') };
}

/** Milliseconds from sending a GET to having the whole body; the first is kept apart. */
async function timeGets(url, cookie, check) {
	const times = [];
	let first;
	let bytes;
	for (let i = 0; i <= runs; i++) {
		const start = performance.now();
		const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
		const body = await response.text();
		const elapsed = performance.now() - start;
		if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}`);
		check(body);
		if (i === 0) first = elapsed;
		else times.push(elapsed);
		bytes = Buffer.byteLength(body);
	}
	return { median: median(times), max: Math.max(...times), first, runs: times.length, bytes };
}

/** The review report covers the whole two years: the largest report the scheme has. */
async function reportTimes(app, cookie, schemeId) {
	const base = `${app.origin}/coordinator/schemes/${schemeId}`;
	const page = await timeGets(`${base}/report?report=review`, cookie, (html) => {
		if (!html.includes('data-testid="summary-sessions"')) throw new Error('No report figures');
		// Both members logged a session every week for two years: about 208,000 sessions.
		const sessions = /data-testid="summary-sessions">([\d,]+)</.exec(html)?.[1];
		if (Number(sessions?.replaceAll(',', '')) < 150_000) throw new Error(`Sessions: ${sessions}`);
	});
	const csv = await timeGets(`${base}/report.csv?report=review`, cookie, (text) => {
		if (!text.includes('Trends by month')) throw new Error('The CSV lacks its trends');
	});
	console.log(
		`  page ${page.median.toFixed(0)} ms (max ${page.max.toFixed(0)}), ` +
			`CSV ${csv.median.toFixed(0)} ms (max ${csv.max.toFixed(0)})`
	);
	return { page, csv };
}

/** One database: start the app (it migrates), sign a coordinator up, seed, then measure. */
async function benchApp(name, port, env, seed, exclusive) {
	console.log(`${name}: migrating and seeding…`);
	let app = await startApp(port, env);
	const coordinator = await signUp(app, port);
	if (exclusive) await app.stop();
	const seeded = seedSql(coordinator.email);
	const seedStart = performance.now();
	// A failed statement would print the whole script; its message is enough.
	await seed(seeded.sql).catch((e) => {
		throw new Error(`${name}: seeding failed: ${e.message}`);
	});
	const seedSeconds = (performance.now() - seedStart) / 1000;
	if (exclusive) app = await startApp(port, env);
	try {
		return { seedSeconds, ...(await reportTimes(app, coordinator.cookie, seeded.schemeId)) };
	} finally {
		await app.stop();
	}
}

const loadBefore = loadBeforeRun();

const { pglite, pg } = await onEachDatabase(
	{ work, ports, postgresUrl, scratchName: 'tandem_bench_report' },
	benchApp
);

const results = {
	date: new Date().toISOString(),
	machine: {
		cpus: cpus().length,
		node: process.version,
		loadAverage: { before: loadBefore, after: loadavg()[0] }
	},
	settings: { pairs: pairsCount, weeks, report: 'review', runs },
	pglite,
	postgres: pg ?? null
};
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/report.json'), JSON.stringify(results, null, '\t') + '\n');

const ms = (t) => `${t.toFixed(t < 10 ? 1 : 0)} ms`;
const rows = [];
const met = [];
for (const [label, run] of [
	['PGlite', pglite],
	['PostgreSQL', pg]
]) {
	if (!run) continue;
	const { page, csv } = run;
	rows.push(
		[
			`Report page, 2,000 pairs over two years, ${label} (median of ${runs})`,
			ms(page.median),
			'< 1 s'
		],
		['  max', ms(page.max), '< 1 s'],
		['  first request after start (not in the above)', ms(page.first), ''],
		['  page size', `${(page.bytes / 1024).toFixed(0)} KB`, ''],
		[`Report CSV, ${label} (median of ${runs})`, ms(csv.median), '< 1 s'],
		['  max', ms(csv.max), '< 1 s']
	);
	met.push(
		[`Report page under 1 s, ${label} (every run)`, page.max < 1000],
		[`Report CSV under 1 s, ${label} (every run)`, csv.max < 1000]
	);
}
console.log(`\nTandem evaluation report on the server (loopback, ${cpus().length} CPUs)\n`);
for (const [name, value, target] of rows)
	console.log(`${name.padEnd(70)} ${value.padStart(10)}   ${target}`);
console.log('');
for (const [name, ok] of met) console.log(`${name}: ${ok ? 'yes' : 'NO'}`);
if (!postgresUrl) console.log('\nPostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL.');
