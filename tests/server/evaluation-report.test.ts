import { randomUUID } from 'node:crypto';
import { addDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { fromCalendarDate, toCalendarDate, weekKeyOf, weekStart } from '$lib/domain/calendar-date';
import { genderKey } from '$lib/domain/matching/gender-words';
import { isStalling } from '$lib/domain/stalling';
import type { Checkpoint, Outcome, RatingQuestion } from '$lib/domain/survey';
import type { Database } from '$lib/server/db/open-database';
import {
	boardPosts,
	pairMonths,
	pairs as pairsTable,
	participants,
	reportNarratives,
	surveyResponses
} from '$lib/server/db/schema';
import { revokeParticipant } from '$lib/server/invitations';
import { recordMetrics } from '$lib/server/metrics';
import { rawReport } from '$lib/server/report/evaluation-report';
import { narrativeOf, saveNarrative } from '$lib/server/report/narratives';
import { setPairStatus, createPair } from '$lib/server/scheme-pairs';
import type { DeviceIdentity } from '$lib/server/devices';
import {
	aCoordinator,
	aJoinedParticipant,
	aMenteeWithNeeds,
	aMentorWithPenPicture,
	aScheme,
	identityOf,
	metricsPayload
} from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';
import { eq } from 'drizzle-orm';

/** mulberry32: the same scheme on every run. */
function prng(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const day = (d: string, n: number) => toCalendarDate(addDays(fromCalendarDate(d), n));
const questions: RatingQuestion[] = [
	'confidence',
	'goalProgress',
	'relationship',
	'meetingsUseful'
];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const byKey = <T>(rows: T[], key: (r: T) => string) =>
	[...rows].sort((a, b) => key(a).localeCompare(key(b)));

interface SeededPair {
	id: string;
	startsOn: string;
	status: 'active' | 'paused' | 'ended';
	endsOn: string | null;
	/** Each member's last report, as sent. */
	sessions: { on: string; minutes: number }[][];
	weeks: { week: string; monday: string; wins: number }[][];
	goals: { set: number; achieved: number }[];
}

interface SeededResponse {
	participantId: string;
	pairId: string;
	role: 'mentor' | 'mentee';
	checkpoint: Checkpoint;
	answeredAt: Date;
	ratings: Record<RatingQuestion, number | null>;
	again: 'yes' | 'maybe' | 'no' | null;
	outcomes: Outcome[];
	comment: string | null;
}

for (const backend of serverDatabaseBackends) {
	describe(`the evaluation report on ${backend.name}`, { timeout: dbTimeout * 3 }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
		});

		it('gives every figure as computed independently from a seeded scheme', async () => {
			const random = prng(20260501);
			const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
			const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id);
			const to = scheme.pilotEndsOn;
			const genders = ['Woman', 'woman ', 'Menyw', 'Man', 'male', 'Non-binary', null, 'Agender'];
			const heldRoles = [
				'leader',
				'cabinet',
				'committee-chair',
				'group-leader',
				'ward-member'
			] as const;

			const people: {
				id: string;
				role: 'mentor' | 'mentee';
				gender: string | null;
				roles: string[];
				revoked: boolean;
				identity: DeviceIdentity;
			}[] = [];
			const seeded: SeededPair[] = [];
			// The server leaves out sessions dated after the day a report arrives; these arrive later.
			const afterEverySession = new Date('2027-12-31T12:00:00Z');
			for (let i = 0; i < 18; i++) {
				const mentorGender = pick(genders);
				const roles = heldRoles.filter(() => random() < 0.4);
				const published = random() < 0.85;
				const mentor = published
					? await aMentorWithPenPicture(db, scheme.id, coordinator.id, {
							name: `Mentor ${i}`,
							penPicture: { gender: mentorGender?.trim() || null, roles: [...roles] }
						})
					: await aJoinedParticipant(db, scheme.id, coordinator.id, 'mentor', `Mentor ${i}`);
				const mentorIdentity = await identityOf(db, mentor.authorization);
				people.push({
					id: mentorIdentity.participantId,
					role: 'mentor',
					gender: published ? mentorGender?.trim() || null : null,
					roles: published ? [...roles] : [],
					revoked: false,
					identity: mentorIdentity
				});
				const menteeGender = pick(genders);
				const mentee = await aMenteeWithNeeds(db, scheme.id, coordinator.id, {
					name: `Mentee ${i}`,
					needs: { gender: menteeGender?.trim() || null }
				});
				people.push({
					id: mentee.id,
					role: 'mentee',
					gender: menteeGender?.trim() || null,
					roles: [],
					revoked: false,
					identity: mentee.identity
				});

				const startsOn = day('2026-04-10', int(0, 220));
				const created = await createPair(db, scheme.id, {
					mentorId: mentorIdentity.participantId,
					menteeId: mentee.id,
					startsOn,
					endsOn: null
				});
				if (!created.ok) throw new Error('pair');
				const pair: SeededPair = {
					id: created.pairId,
					startsOn,
					status: 'active',
					endsOn: null,
					sessions: [],
					weeks: [],
					goals: []
				};
				// Sessions around the period, some on the same day by both members; every fifth pair never meets.
				const meets = i % 5 !== 0;
				const shared = Array.from({ length: meets ? int(0, 14) : 0 }, () => ({
					on: day(startsOn, int(0, 200)),
					minutes: int(5, 120)
				}));
				for (const [m, who] of [mentorIdentity, mentee.identity].entries()) {
					const own = Array.from({ length: meets ? int(0, 6) : 0 }, () => ({
						on: day(startsOn, int(0, 200)),
						minutes: int(5, 120)
					}));
					const sessions = [
						...shared.map((s) => ({ ...s, minutes: Math.max(5, s.minutes - int(0, 30) * m) })),
						...own
					];
					const unique = [...new Map(sessions.map((s) => [s.on, s])).values()];
					const weeks = [
						...new Map(
							Array.from({ length: int(0, 12) }, () => day(startsOn, int(-3, 200))).map((d) => [
								weekKeyOf(d),
								{ week: weekKeyOf(d), monday: weekStart(d), wins: int(0, 3) }
							])
						).values()
					];
					const goals = { set: int(0, 6), achieved: 0 };
					goals.achieved = int(0, goals.set);
					// A first, older report with a session the newer one no longer holds.
					await recordMetrics(
						db,
						who,
						metricsPayload({
							pair: pair.id,
							generatedAt: '2026-12-01T10:00:00Z',
							sessionsHeld: [{ on: day(startsOn, 1), minutes: 600 }]
						}),
						afterEverySession
					);
					await recordMetrics(
						db,
						who,
						metricsPayload({
							pair: pair.id,
							generatedAt: '2026-12-02T10:00:00Z',
							sessionsHeld: unique,
							winsByWeek: weeks.map(({ week, wins }) => ({ week, wins })),
							goalsSet: goals.set,
							goalsAchieved: goals.achieved
						}),
						afterEverySession
					);
					pair.sessions.push(unique);
					pair.weeks.push(weeks);
					pair.goals.push(goals);
				}
				const status = pick(['active', 'active', 'paused', 'ended'] as const);
				if (status !== 'active') {
					const on = day(startsOn, int(10, 260));
					await setPairStatus(db, scheme.id, pair.id, status, fromCalendarDate(on));
					Object.assign(pair, { status, endsOn: status === 'ended' ? on : null });
				}
				seeded.push(pair);
			}
			// People join over months, some only after the pilot.
			const joinedAt = new Map<string, Date>();
			for (const person of people) {
				const at = fromCalendarDate(day('2026-03-01', int(0, 330)));
				joinedAt.set(person.id, at);
				await db.update(participants).set({ joinedAt: at }).where(eq(participants.id, person.id));
			}
			// Someone removed from the scheme does not count as taking part.
			const removed = people[people.length - 1]!;
			await revokeParticipant(db, scheme.id, removed.id);
			removed.revoked = true;

			const responses: SeededResponse[] = [];
			const checkpointsAt: [Checkpoint, number][] = [
				['baseline', 2],
				['midpoint', 90],
				['end', 150],
				['follow-up', 300]
			];
			for (const pair of seeded) {
				const [members] = await db
					.select({ mentorId: pairsTable.mentorId, menteeId: pairsTable.menteeId })
					.from(pairsTable)
					.where(eq(pairsTable.id, pair.id));
				const { mentorId, menteeId } = members!;
				for (const [role, participantId] of [
					['mentor', mentorId],
					['mentee', menteeId]
				] as const) {
					for (const [checkpoint, after] of checkpointsAt) {
						if (random() < 0.2) continue;
						const rating = () => (random() < 0.1 ? null : int(1, 5));
						const response: SeededResponse = {
							participantId,
							pairId: pair.id,
							role,
							checkpoint,
							answeredAt: fromCalendarDate(day(pair.startsOn, after + int(-5, 20))),
							ratings: {
								confidence: rating(),
								goalProgress: rating(),
								relationship: rating(),
								meetingsUseful: rating()
							},
							again:
								checkpoint === 'end' || checkpoint === 'follow-up'
									? pick(['yes', 'maybe', 'no', null] as const)
									: null,
							outcomes:
								checkpoint === 'end' || checkpoint === 'follow-up'
									? (
											['promotion', 'new-role', 'new-responsibility', 'opportunity'] as const
										).filter(() => random() < 0.3)
									: [],
							comment: random() < 0.15 ? `=HYPERLINK("x") said ${int(1, 99)}` : null
						};
						response.answeredAt.setHours(int(0, 23));
						responses.push(response);
					}
				}
			}
			await db.insert(surveyResponses).values(
				responses.map((r) => ({
					id: randomUUID(),
					schemeId: scheme.id,
					pairId: r.pairId,
					participantId: r.participantId,
					role: r.role,
					checkpoint: r.checkpoint,
					answeredAt: r.answeredAt,
					confidence: r.ratings.confidence,
					goalProgress: r.ratings.goalProgress,
					relationship: r.ratings.relationship,
					meetingsUseful: r.ratings.meetingsUseful,
					again: r.again,
					outcomes: r.outcomes,
					comment: r.comment
				}))
			);
			const posts = Array.from({ length: 30 }, () => {
				const postedAt = fromCalendarDate(day('2026-04-20', int(0, 220)));
				postedAt.setHours(int(0, 23), int(0, 59));
				return {
					kind: pick(['win', 'win', 'article', 'thought'] as const),
					postedAt,
					status: pick(['visible', 'hidden', 'removed'] as const)
				};
			});
			await db.insert(boardPosts).values(
				posts.map((p) => ({
					id: randomUUID(),
					schemeId: scheme.id,
					authorId: people[0]!.id,
					kind: p.kind,
					text: 'A win',
					showName: true,
					postedAt: p.postedAt,
					status: p.status
				}))
			);

			// The scheme's own dates, then a pilot starting mid-month: whole months in the middle
			// come from the monthly totals, the first and last from the days themselves.
			for (const [kind, today, from] of [
				['pilot', '2027-01-15', scheme.pilotStartsOn],
				['review', '2027-02-20', scheme.pilotStartsOn],
				['review', '2027-03-31', '2026-05-13'],
				['pilot', '2026-06-09', '2026-05-27']
			] as const) {
				const report = await rawReport(db, { ...scheme, pilotStartsOn: from }, kind, today);
				const end = kind === 'pilot' ? to : scheme.reviewOn!;
				const asOf = today < end ? today : end;
				const inPeriod = (d: string) => d >= from && d <= asOf;
				const startsAt = fromCalendarDate(from);
				const endsBefore = fromCalendarDate(day(asOf, 1));
				const inTime = (t: Date, sinceEver = false) =>
					(sinceEver || t >= startsAt) && t < endsBefore;

				// Pairs, as they stood on the day the figures are taken.
				const formed = seeded.filter((p) => p.startsOn >= from && p.startsOn <= end);
				// Over the scheme's own periods the seed exercises every part: enough pairs,
				// sessions, answers and comments.
				if (from === scheme.pilotStartsOn) {
					expect(formed.length).toBeGreaterThanOrEqual(10);
					expect(report.pairs.stalled).toBeGreaterThan(0);
					expect(report.activity.sessions).toBeGreaterThan(50);
					expect(report.checkIns.comments.length).toBeGreaterThan(0);
					expect(report.checkIns.paired.length).toBeGreaterThan(0);
				} else {
					expect(report.activity.sessions).toBeGreaterThan(0);
				}
				const statusAt = (p: SeededPair) =>
					p.status === 'ended' && p.endsOn! > asOf ? 'active' : p.status;
				// An ended pair's figures stop at its last day, though its reports held more.
				const until = (p: SeededPair) => [asOf, p.endsOn ?? asOf].sort()[0]!;
				const merged = (p: SeededPair) => {
					const days = new Map<string, number>();
					for (const list of p.sessions)
						for (const s of list) days.set(s.on, Math.max(days.get(s.on) ?? 0, s.minutes));
					return new Map([...days].filter(([on]) => on <= until(p)));
				};
				const lastMet = (p: SeededPair) => [...merged(p).keys()].sort().at(-1) ?? null;
				expect(report.pairs).toEqual({
					formed: formed.length,
					active: formed.filter((p) => statusAt(p) === 'active').length,
					paused: formed.filter((p) => statusAt(p) === 'paused').length,
					ended: formed.filter((p) => statusAt(p) === 'ended').length,
					stalled: formed.filter((p) =>
						isStalling(
							{ status: statusAt(p), startsOn: p.startsOn, lastMetOn: lastMet(p) },
							6,
							asOf
						)
					).length,
					reportingGoals: formed.length,
					goalsSet: formed.reduce((t, p) => t + Math.max(...p.goals.map((g) => g.set)), 0),
					goalsAchieved: formed.reduce((t, p) => t + Math.max(...p.goals.map((g) => g.achieved)), 0)
				});

				// Sessions and wins, merged per pair.
				const sessions = seeded
					.flatMap((p) => [...merged(p)].map(([on, minutes]) => ({ pair: p.id, on, minutes })))
					.filter((s) => inPeriod(s.on));
				const weekFrom = day(from, -6);
				const wins = seeded.flatMap((p) => {
					const weeks = new Map<string, number>();
					for (const list of p.weeks)
						for (const w of list) weeks.set(w.monday, Math.max(weeks.get(w.monday) ?? 0, w.wins));
					return [...weeks]
						.filter(([monday, n]) => n > 0 && monday >= weekFrom && monday <= until(p))
						.map(([monday, n]) => ({
							month: (monday < from ? from : monday).slice(0, 7),
							wins: n
						}));
				});
				const months = report.activity.months.map((m) => m.month);
				expect(months[0]).toBe(from.slice(0, 7));
				expect(months.at(-1)).toBe(asOf.slice(0, 7));
				expect(report.activity).toEqual({
					sessions: sessions.length,
					minutes: sessions.reduce((t, s) => t + s.minutes, 0),
					pairsMet: new Set(sessions.map((s) => s.pair)).size,
					winsLogged: wins.reduce((t, w) => t + w.wins, 0),
					winsShared: posts.filter((p) => p.kind === 'win' && inTime(p.postedAt)).length,
					months: months.map((month) => {
						const these = sessions.filter((s) => s.on.startsWith(month));
						return {
							month,
							sessions: these.length,
							minutes: these.reduce((t, s) => t + s.minutes, 0),
							pairsMet: new Set(these.map((s) => s.pair)).size,
							wins: wins.filter((w) => w.month === month).reduce((t, w) => t + w.wins, 0)
						};
					})
				});

				// Check-ins answered in the period.
				const answered = responses.filter((r) => inTime(r.answeredAt));
				const ratings = answered.flatMap((r) =>
					questions
						.filter((q) => r.ratings[q] !== null)
						.map((q) => ({ ...r, question: q, rating: r.ratings[q]! }))
				);
				const groups = new Map<string, typeof ratings>();
				for (const r of ratings) {
					const key = `${r.role}|${r.checkpoint}|${r.question}`;
					groups.set(key, [...(groups.get(key) ?? []), r]);
				}
				const expectedRatings = [...groups].map(([key, rs]) => {
					const [role, checkpoint, question] = key.split('|') as [string, string, string];
					return {
						role,
						checkpoint,
						question,
						answers: rs.length,
						mean: mean(rs.map((r) => r.rating))
					};
				});
				const ratingKey = (r: { role: string; checkpoint: string; question: string }) =>
					`${r.role}|${r.checkpoint}|${r.question}`;
				const got = byKey(report.checkIns.ratings, ratingKey);
				const want = byKey(expectedRatings, ratingKey);
				expect(got.map(({ mean: _, ...r }) => r)).toEqual(want.map(({ mean: _, ...r }) => r));
				got.forEach((r, i) => expect(r.mean).toBeCloseTo(want[i]!.mean, 9));

				const pairedWant = new Map<string, number[]>();
				for (const later of ratings.filter(
					(r) => r.checkpoint === 'end' || r.checkpoint === 'follow-up'
				)) {
					const before = ratings.find(
						(b) =>
							b.checkpoint === 'baseline' &&
							b.participantId === later.participantId &&
							b.pairId === later.pairId &&
							b.question === later.question
					);
					if (!before) continue;
					const key = `${later.role}|${later.checkpoint}|${later.question}`;
					pairedWant.set(key, [...(pairedWant.get(key) ?? []), later.rating - before.rating]);
				}
				const pairedGot = report.checkIns.paired;
				expect(pairedGot.length).toBe(pairedWant.size);
				for (const p of pairedGot) {
					const changes = pairedWant.get(`${p.role}|${p.later}|${p.question}`)!;
					expect(p.answers).toBe(changes.length);
					expect(p.meanChange).toBeCloseTo(mean(changes), 9);
				}

				const count = <T>(rows: T[], key: (r: T) => string) => {
					const counts = new Map<string, number>();
					for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
					return counts;
				};
				const againWant = count(
					answered.filter((r) => r.again),
					(r) => `${r.role}|${r.checkpoint}|${r.again}`
				);
				expect(
					new Map(
						report.checkIns.again.map((a) => [`${a.role}|${a.checkpoint}|${a.answer}`, a.answers])
					)
				).toEqual(againWant);
				const later = answered.filter(
					(r) => r.checkpoint === 'end' || r.checkpoint === 'follow-up'
				);
				const distinct = (rows: SeededResponse[], key: (r: SeededResponse) => string) => {
					const sets = new Map<string, Set<string>>();
					for (const r of rows)
						sets.set(key(r), (sets.get(key(r)) ?? new Set()).add(r.participantId));
					return new Map([...sets].map(([k, s]) => [k, s.size]));
				};
				expect(new Map(report.checkIns.answeredLater.map((a) => [a.role, a.people]))).toEqual(
					distinct(later, (r) => r.role)
				);
				const outcomeRows = later.flatMap((r) => r.outcomes.map((o) => ({ ...r, outcome: o })));
				expect(
					new Map(report.checkIns.outcomes.map((o) => [`${o.role}|${o.outcome}`, o.people]))
				).toEqual(
					distinct(
						outcomeRows,
						(r) => `${r.role}|${(r as SeededResponse & { outcome: string }).outcome}`
					)
				);
				const commentKey = (c: { text: string; role: string; checkpoint: string }) =>
					`${c.text}|${c.role}|${c.checkpoint}`;
				expect(byKey(report.checkIns.comments, commentKey)).toEqual(
					byKey(
						answered
							.filter((r) => r.comment)
							.map((r) => ({ role: r.role, checkpoint: r.checkpoint, text: r.comment! })),
						commentKey
					)
				);

				// Who took part.
				const joined = people.filter((p) => !p.revoked && inTime(joinedAt.get(p.id)!, true));
				expect(report.participation.byRole).toEqual({
					mentor: joined.filter((p) => p.role === 'mentor').length,
					mentee: joined.filter((p) => p.role === 'mentee').length
				});
				expect(
					new Map(report.participation.genders.map((g) => [`${g.role}|${g.gender}`, g.people]))
				).toEqual(
					count(joined, (p) => `${p.role}|${p.gender === null ? null : genderKey(p.gender)}`)
				);
				const mentors = joined.filter((p) => p.role === 'mentor');
				expect(new Map(report.participation.rolesHeld.map((r) => [r.held, r.people]))).toEqual(
					count(
						mentors.flatMap((p) => p.roles.map((held) => ({ held }))),
						(r) => r.held
					)
				);
				expect(report.participation.mentorsWithoutRoles).toBe(
					mentors.filter((p) => p.roles.length === 0).length
				);
				expect(report.participation.levels).toEqual(
					expect.arrayContaining([
						{ role: 'mentor', level: null, people: mentors.length },
						{ role: 'mentee', level: null, people: joined.length - mentors.length }
					])
				);
			}
		});

		it('counts the first and last days of the period, and not the days either side', async () => {
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id, 'Boundaries');
			const mentor = await aMentorWithPenPicture(db, scheme.id, coordinator.id);
			const mentee = await aMenteeWithNeeds(db, scheme.id, coordinator.id);
			const created = await createPair(db, scheme.id, {
				mentorId: mentor.id,
				menteeId: mentee.id,
				startsOn: '2026-04-20',
				endsOn: null
			});
			if (!created.ok) throw new Error('pair');
			const pairId = created.pairId;
			await recordMetrics(
				db,
				mentee.identity,
				metricsPayload({
					pair: pairId,
					sessionsHeld: [
						{ on: '2026-04-30', minutes: 30 },
						{ on: '2026-05-01', minutes: 45 },
						{ on: '2026-10-31', minutes: 60 },
						{ on: '2026-11-01', minutes: 90 }
					],
					// W18 (27 April to 3 May) overlaps the start; W44 (26 October to 1 November) the end;
					// W17 and W45 lie wholly outside.
					winsByWeek: [
						{ week: '2026-W17', wins: 1 },
						{ week: '2026-W18', wins: 2 },
						{ week: '2026-W44', wins: 4 },
						{ week: '2026-W45', wins: 8 }
					]
				})
			);
			const at = (date: string, time: string) => new Date(`${date}T${time}`);
			await db.insert(boardPosts).values(
				[
					at('2026-04-30', '23:59'),
					at('2026-05-01', '00:00'),
					at('2026-10-31', '23:59'),
					at('2026-11-01', '00:00')
				].map((postedAt) => ({
					id: randomUUID(),
					schemeId: scheme.id,
					authorId: mentee.id,
					kind: 'win' as const,
					text: 'A win',
					showName: false,
					postedAt
				}))
			);
			await db.insert(surveyResponses).values(
				(
					[
						['baseline', at('2026-04-30', '23:59')],
						['midpoint', at('2026-05-01', '00:00')],
						['end', at('2026-10-31', '23:59')],
						['follow-up', at('2026-11-01', '00:00')]
					] as const
				).map(([checkpoint, answeredAt]) => ({
					id: randomUUID(),
					schemeId: scheme.id,
					pairId,
					participantId: mentee.id,
					role: 'mentee' as const,
					checkpoint,
					answeredAt,
					confidence: 3,
					outcomes: []
				}))
			);

			const report = await rawReport(db, scheme, 'pilot', '2027-01-01');
			expect(report.activity).toMatchObject({
				sessions: 2,
				minutes: 105,
				winsLogged: 6,
				winsShared: 2
			});
			expect(report.activity.months.map((m) => [m.month, m.sessions, m.wins])).toEqual([
				['2026-05', 1, 2],
				['2026-06', 0, 0],
				['2026-07', 0, 0],
				['2026-08', 0, 0],
				['2026-09', 0, 0],
				['2026-10', 1, 4]
			]);
			expect(report.checkIns.ratings.map((r) => r.checkpoint).sort()).toEqual(['end', 'midpoint']);
			// Formed before the period: not a pilot pair, though its sessions in the period count.
			expect(report.pairs.formed).toBe(0);
			// While the review runs, its figures stop at today.
			const review = await rawReport(db, scheme, 'review', '2026-10-31');
			expect(review.asOf).toBe('2026-10-31');
			expect(review.activity).toMatchObject({ sessions: 2, winsLogged: 6 });
		});

		it('keeps the merged sessions in step with each newer report', async () => {
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id, 'Merging');
			const mentor = await aMentorWithPenPicture(db, scheme.id, coordinator.id);
			const mentee = await aMenteeWithNeeds(db, scheme.id, coordinator.id);
			const created = await createPair(db, scheme.id, {
				mentorId: mentor.id,
				menteeId: mentee.id,
				startsOn: '2026-05-01',
				endsOn: null
			});
			if (!created.ok) throw new Error('pair');
			const send = (
				who: DeviceIdentity,
				generatedAt: string,
				sessionsHeld: { on: string; minutes: number }[]
			) =>
				recordMetrics(db, who, metricsPayload({ pair: created.pairId, generatedAt, sessionsHeld }));
			await send(mentee.identity, '2026-06-01T10:00:00Z', [
				{ on: '2026-05-10', minutes: 45 },
				{ on: '2026-05-20', minutes: 30 },
				{ on: '2026-07-15', minutes: 40 }
			]);
			await send(mentor.identity, '2026-06-01T11:00:00Z', [{ on: '2026-05-10', minutes: 60 }]);
			const figures = async () => (await rawReport(db, scheme, 'pilot', '2027-01-01')).activity;
			// July is a whole month inside the pilot: it is read from the monthly totals.
			expect(await figures()).toMatchObject({ sessions: 3, minutes: 130 });
			expect(
				await db
					.select({ month: pairMonths.month, sessions: pairMonths.sessions })
					.from(pairMonths)
					.where(eq(pairMonths.pairId, created.pairId))
					.orderBy(pairMonths.month)
			).toEqual([
				{ month: '2026-05-01', sessions: 2 },
				{ month: '2026-07-01', sessions: 1 }
			]);
			// The mentee deleted a session; the mentor shortened the shared one; an older report changes nothing.
			await send(mentee.identity, '2026-06-02T10:00:00Z', [{ on: '2026-05-10', minutes: 45 }]);
			await send(mentor.identity, '2026-06-02T11:00:00Z', [{ on: '2026-05-10', minutes: 50 }]);
			await send(mentor.identity, '2026-06-01T12:00:00Z', [{ on: '2026-05-11', minutes: 600 }]);
			expect(await figures()).toMatchObject({ sessions: 1, minutes: 50 });
			expect(
				await db.select().from(pairMonths).where(eq(pairMonths.pairId, created.pairId))
			).toMatchObject([{ month: '2026-05-01', sessions: 1, minutes: 50 }]);
		});

		it('saves the narrative once, however often the same form arrives', async () => {
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id, 'Narrative');
			expect(await narrativeOf(db, scheme.id, 'pilot')).toBe('');
			await saveNarrative(db, scheme.id, 'pilot', 'First words.', coordinator.id);
			await saveNarrative(db, scheme.id, 'pilot', 'Better words.', coordinator.id);
			await saveNarrative(db, scheme.id, 'pilot', 'Better words.', coordinator.id);
			expect(await narrativeOf(db, scheme.id, 'pilot')).toBe('Better words.');
			expect(await narrativeOf(db, scheme.id, 'review')).toBe('');
			const rows = await db
				.select()
				.from(reportNarratives)
				.where(eq(reportNarratives.schemeId, scheme.id));
			expect(rows).toHaveLength(1);
		});
	});
}
