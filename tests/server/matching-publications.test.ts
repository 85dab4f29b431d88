import { count, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '$lib/server/db/open-database';
import { matchProposals, menteeNeeds, mentorProfiles } from '$lib/server/db/schema';
import { revokeParticipant } from '$lib/server/invitations';
import { matchingRoundOf } from '$lib/server/matching/matching-round';
import { runMatching } from '$lib/server/matching/run-matching';
import { sendProposals } from '$lib/server/matching/proposal-sending';
import {
	defaultMatchingSettings,
	matchingSettingsOf,
	saveMatchingSettings
} from '$lib/server/matching/matching-settings';
import { recordTraining } from '$lib/server/matching/mentor-pool';
import {
	publishedStateOf,
	saveNeeds,
	savePenPicture,
	withdrawNeeds,
	withdrawPenPicture
} from '$lib/server/matching/publications';
import { participationSchema } from '$lib/protocol/participation';
import type { PenPicture } from '$lib/protocol/publication-protocol';
import { GET as getParticipation } from '../../src/routes/api/v1/participation/+server';
import * as needsRoute from '../../src/routes/api/v1/needs/+server';
import * as penPictureRoute from '../../src/routes/api/v1/pen-picture/+server';
import {
	aCoordinator,
	aJoinedParticipant,
	aMenteeWithNeeds,
	aMentorWithPenPicture,
	aScheme,
	identityOf,
	sampleNeeds,
	samplePenPicture
} from '../support/scheme-factories';
import { callRoute as call } from '../support/route-call';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

// The routes open the server's database; here they get the test's.
const current = vi.hoisted(() => ({ open: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ database: async () => current.open }));

const at = (iso: string) => new Date(iso);
const now = at('2026-06-01T09:00:00Z');

for (const backend of serverDatabaseBackends) {
	describe(`matching publications on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
			current.open = opened;
		});

		async function aSchemeWithPeople() {
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id);
			const mentor = await aJoinedParticipant(db, scheme.id, coordinator.id, 'mentor');
			const mentee = await aJoinedParticipant(db, scheme.id, coordinator.id, 'mentee');
			return {
				coordinator,
				scheme,
				mentor: { ...mentor, identity: await identityOf(db, mentor.authorization) },
				mentee: { ...mentee, identity: await identityOf(db, mentee.authorization) }
			};
		}

		const rowsOf = async (table: typeof mentorProfiles | typeof menteeNeeds, id: string) =>
			(await db.select({ n: count() }).from(table).where(eq(table.participantId, id)))[0]!.n;

		describe('scheme settings', () => {
			it('start as the defaults and keep what the coordinator saves', async () => {
				const { scheme } = await aSchemeWithPeople();
				expect(await matchingSettingsOf(db, scheme.id)).toEqual(defaultMatchingSettings());
				const own = {
					...defaultMatchingSettings(),
					audience: 'officers' as const,
					areas: ['leadership', 'Budgets'],
					serviceAreas: ['Housing', 'Planning'],
					consentDays: 7
				};
				await saveMatchingSettings(db, scheme.id, own);
				expect(await matchingSettingsOf(db, scheme.id)).toEqual(own);
				await saveMatchingSettings(db, scheme.id, { ...own, consentDays: 10 });
				expect((await matchingSettingsOf(db, scheme.id)).consentDays).toBe(10);
			});

			it('refuse to store anything malformed', async () => {
				const { scheme } = await aSchemeWithPeople();
				await expect(
					saveMatchingSettings(db, scheme.id, { ...defaultMatchingSettings(), areas: [] })
				).rejects.toThrow();
				await expect(
					saveMatchingSettings(db, scheme.id, { ...defaultMatchingSettings(), consentDays: 0 })
				).rejects.toThrow();
				expect(await matchingSettingsOf(db, scheme.id)).toEqual(defaultMatchingSettings());
			});
		});

		describe('a pen picture', () => {
			it('is saved, replaced by a newer copy and never by an older one', async () => {
				const { mentor } = await aSchemeWithPeople();
				const first = samplePenPicture({ capacity: 1 });
				expect(
					await savePenPicture(db, mentor.identity, at('2026-05-02T10:00:00Z'), first)
				).toEqual({ ok: true, outcome: 'saved' });
				const newer = samplePenPicture({ capacity: 2 });
				expect(
					await savePenPicture(db, mentor.identity, at('2026-05-03T10:00:00Z'), newer)
				).toEqual({ ok: true, outcome: 'saved' });
				expect(
					await savePenPicture(db, mentor.identity, at('2026-05-02T10:00:00Z'), first)
				).toEqual({ ok: true, outcome: 'stale' });
				// A retry of the newest is harmless.
				expect(
					await savePenPicture(db, mentor.identity, at('2026-05-03T10:00:00Z'), newer)
				).toEqual({ ok: true, outcome: 'saved' });
				const [row] = await db
					.select()
					.from(mentorProfiles)
					.where(eq(mentorProfiles.participantId, mentor.identity.participantId));
				expect(row!.penPicture.capacity).toBe(2);
				expect(row!.writtenAt).toEqual(at('2026-05-03T10:00:00Z'));
			});

			it("must name only the scheme's own areas, service areas and groups", async () => {
				const { scheme, mentor } = await aSchemeWithPeople();
				await saveMatchingSettings(db, scheme.id, {
					...defaultMatchingSettings(),
					groups: ['Labour', 'Plaid Cymru'],
					serviceAreas: ['Housing']
				});
				const publish = (p: Partial<PenPicture>) =>
					savePenPicture(db, mentor.identity, now, samplePenPicture(p));
				expect(await publish({ areas: ['leadership', 'juggling'] })).toMatchObject({
					ok: false,
					field: 'penPicture.areas'
				});
				expect(await publish({ group: 'Whigs' })).toMatchObject({
					ok: false,
					field: 'penPicture.group'
				});
				expect(await publish({ serviceArea: 'Parks' })).toMatchObject({
					ok: false,
					field: 'penPicture.serviceArea'
				});
				expect(await rowsOf(mentorProfiles, mentor.identity.participantId)).toBe(0);
				expect(await publish({ group: 'Plaid Cymru', serviceArea: 'Housing' })).toEqual({
					ok: true,
					outcome: 'saved'
				});
			});

			it('is gone from the server once withdrawn, and withdrawing twice is fine', async () => {
				const { mentor } = await aSchemeWithPeople();
				await savePenPicture(db, mentor.identity, now, samplePenPicture());
				const { penPictureAt } = await publishedStateOf(db, mentor.identity.participantId);
				expect(Date.parse(penPictureAt!)).not.toBeNaN();
				await withdrawPenPicture(db, mentor.identity.participantId);
				await withdrawPenPicture(db, mentor.identity.participantId);
				expect(await rowsOf(mentorProfiles, mentor.identity.participantId)).toBe(0);
				expect(await publishedStateOf(db, mentor.identity.participantId)).toEqual({
					penPictureAt: null,
					needsAt: null
				});
			});
		});

		describe('needs', () => {
			it('follow the same rules as a pen picture', async () => {
				const { mentee } = await aSchemeWithPeople();
				expect(await saveNeeds(db, mentee.identity, now, sampleNeeds())).toEqual({
					ok: true,
					outcome: 'saved'
				});
				expect(
					await saveNeeds(db, mentee.identity, at('2026-05-01T00:00:00Z'), sampleNeeds())
				).toEqual({ ok: true, outcome: 'stale' });
				expect(
					await saveNeeds(db, mentee.identity, now, sampleNeeds({ areas: ['knitting'] }))
				).toEqual({ ok: false, field: 'needs.areas', problem: "is not on the scheme's list" });
				const state = await publishedStateOf(db, mentee.identity.participantId);
				expect(state.penPictureAt).toBeNull();
				expect(Date.parse(state.needsAt!)).not.toBeNaN();
				await withdrawNeeds(db, mentee.identity.participantId);
				expect(await rowsOf(menteeNeeds, mentee.identity.participantId)).toBe(0);
			});
		});

		describe('withdrawing', () => {
			it('deletes drafts naming the person and brings back questions waiting on them', async () => {
				const coordinator = await aCoordinator(db);
				const scheme = await aScheme(db, coordinator.id);
				const mentor = await aMentorWithPenPicture(db, scheme.id, coordinator.id);
				const [asked, drafted] = [
					await aMenteeWithNeeds(db, scheme.id, coordinator.id, { name: 'Asked' }),
					await aMenteeWithNeeds(db, scheme.id, coordinator.id, { name: 'Drafted' })
				];
				await runMatching(db, scheme.id, 'everyone', now);
				expect((await matchingRoundOf(db, scheme.id, now)).drafts).toHaveLength(2);
				await withdrawNeeds(db, drafted.id);
				const round = await matchingRoundOf(db, scheme.id, now);
				expect(round.drafts.map((d) => d.menteeName)).toEqual(['Asked']);
				expect(await sendProposals(db, scheme.id, now)).toBe(1);

				await withdrawPenPicture(db, mentor.id);
				const after = await matchingRoundOf(db, scheme.id, now);
				expect(after.waiting).toEqual([]);
				expect(after.returned).toEqual([
					expect.objectContaining({
						menteeId: asked.id,
						status: 'withdrawn',
						declinedBy: 'mentor',
						declineReason: null
					})
				]);
				const left = await db
					.select({ status: matchProposals.status })
					.from(matchProposals)
					.where(eq(matchProposals.schemeId, scheme.id));
				expect(left).toEqual([{ status: 'withdrawn' }]);
			});
		});

		describe('the device API', () => {
			it('takes a pen picture only from a mentor and needs only from a mentee', async () => {
				const { mentor, mentee } = await aSchemeWithPeople();
				const penPicture = { writtenAt: now.toISOString(), penPicture: samplePenPicture() };
				const needs = { writtenAt: now.toISOString(), needs: sampleNeeds() };
				expect(await call(penPictureRoute.PUT, 'PUT', mentee.authorization, penPicture)).toEqual({
					status: 403,
					body: { error: 'wrong-role' }
				});
				expect(await call(needsRoute.PUT, 'PUT', mentor.authorization, needs)).toEqual({
					status: 403,
					body: { error: 'wrong-role' }
				});
				expect(await call(needsRoute.DELETE, 'DELETE', mentor.authorization)).toMatchObject({
					status: 403
				});
				expect(await call(penPictureRoute.PUT, 'PUT', mentor.authorization, penPicture)).toEqual({
					status: 200,
					body: { outcome: 'saved' }
				});
				expect(await call(penPictureRoute.PUT, 'PUT', mentor.authorization, penPicture)).toEqual({
					status: 200,
					body: { outcome: 'saved' }
				});
				expect(await call(needsRoute.PUT, 'PUT', mentee.authorization, needs)).toEqual({
					status: 200,
					body: { outcome: 'saved' }
				});
				expect(await call(penPictureRoute.DELETE, 'DELETE', mentor.authorization)).toEqual({
					status: 204,
					body: null
				});
				expect(await call(penPictureRoute.DELETE, 'DELETE', mentor.authorization)).toMatchObject({
					status: 204
				});
			});

			it('answers 400 naming the field that is wrong', async () => {
				const { mentor } = await aSchemeWithPeople();
				const put = (body: unknown) => call(penPictureRoute.PUT, 'PUT', mentor.authorization, body);
				const writtenAt = now.toISOString();
				expect(
					await put({ writtenAt, penPicture: { ...samplePenPicture(), capacity: -1 } })
				).toEqual({
					status: 400,
					body: { error: 'invalid', field: 'penPicture.capacity', problem: 'must not be negative' }
				});
				expect(
					await put({ writtenAt, penPicture: { ...samplePenPicture(), roles: ['emperor'] } })
				).toMatchObject({ status: 400, body: { field: 'penPicture.roles.0' } });
				expect(await put({ writtenAt: 'yesterday', penPicture: samplePenPicture() })).toMatchObject(
					{ status: 400, body: { field: 'writtenAt' } }
				);
				expect(
					await put({ writtenAt, penPicture: samplePenPicture({ areas: ['juggling'] }) })
				).toEqual({
					status: 400,
					body: {
						error: 'invalid',
						field: 'penPicture.areas',
						problem: "is not on the scheme's list"
					}
				});
				expect(
					await put({ writtenAt, penPicture: { ...samplePenPicture(), secret: 'x' } })
				).toMatchObject({ status: 400 });
			});

			it('refuses a removed participant, and a missing credential', async () => {
				const { scheme, mentor } = await aSchemeWithPeople();
				await revokeParticipant(db, scheme.id, mentor.participant.id);
				const body = { writtenAt: now.toISOString(), penPicture: samplePenPicture() };
				expect(await call(penPictureRoute.PUT, 'PUT', mentor.authorization, body)).toEqual({
					status: 403,
					body: { error: 'revoked' }
				});
				expect(await call(penPictureRoute.PUT, 'PUT', '', body)).toMatchObject({ status: 401 });
			});

			it("tells a device the scheme's lists, what it holds, and proposals to answer", async () => {
				const { scheme, mentor, mentee } = await aSchemeWithPeople();
				await saveMatchingSettings(db, scheme.id, {
					...defaultMatchingSettings(),
					groups: ['Labour'],
					genderPreferences: true
				});
				const before = await call(getParticipation, 'GET', mentee.authorization);
				expect(before.status).toBe(200);
				expect(v.safeParse(participationSchema, before.body).success).toBe(true);
				expect(before.body).toMatchObject({
					participant: { id: mentee.participant.id, role: 'mentee' },
					matching: {
						audience: 'members',
						groups: ['Labour'],
						genderPreferences: true,
						ownGroupExclusion: true
					},
					published: { penPictureAt: null, needsAt: null },
					proposals: []
				});

				await savePenPicture(db, mentor.identity, now, samplePenPicture());
				await saveNeeds(db, mentee.identity, now, sampleNeeds());
				await recordTraining(db, scheme.id, mentor.participant.id, '2026-01-01');
				await runMatching(db, scheme.id, 'best-fit', new Date());
				await sendProposals(db, scheme.id, new Date());
				const after = await call(getParticipation, 'GET', mentee.authorization);
				expect(v.safeParse(participationSchema, after.body).success).toBe(true);
				expect(after.body.published.needsAt).toEqual(expect.any(String));
				expect(after.body.proposals).toEqual([
					expect.objectContaining({
						stage: 'mentee',
						mentor: { name: mentor.participant.name, penPicture: samplePenPicture() }
					})
				]);
				const mentorView = await call(getParticipation, 'GET', mentor.authorization);
				expect(mentorView.body.published.penPictureAt).toEqual(expect.any(String));
				expect(mentorView.body.proposals).toEqual([]);
			});
		});
	});
}
