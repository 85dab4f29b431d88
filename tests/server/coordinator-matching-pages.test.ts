import { isActionFailure } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '$lib/server/db/open-database';
import type { Scheme } from '$lib/server/schemes';
import {
	aCoordinator,
	aJoinedParticipant,
	aMenteeWithNeeds,
	aMentorWithPenPicture,
	aScheme
} from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

// The pages run as the signed-in coordinator of `signedIn.scheme`, against the test database.
const signedIn = vi.hoisted(() => ({ db: undefined as unknown, scheme: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ database: async () => ({ db: signedIn.db }) }));
vi.mock('$lib/server/coordinator-session', () => ({
	coordinatedScheme: async () => ({ user: { id: 'coordinator' }, scheme: signedIn.scheme })
}));

const settingsPage =
	await import('../../src/routes/coordinator/schemes/[schemeId]/settings/+page.server');
const matchingPage =
	await import('../../src/routes/coordinator/schemes/[schemeId]/matching/+page.server');
const mentorsPage =
	await import('../../src/routes/coordinator/schemes/[schemeId]/mentors/+page.server');

/** A page request; a form post when fields are given (a list is one field sent several times). */
function request(fields?: Record<string, string | string[]>) {
	const url = new URL('http://localhost/coordinator/schemes/x');
	const body = new FormData();
	for (const [name, value] of Object.entries(fields ?? {}))
		for (const one of [value].flat()) body.append(name, one);
	const init = fields ? { method: 'POST', body } : {};
	return { request: new Request(url, init), url, params: {} } as never;
}

/** What an action answered: its data, and the status when it failed. */
async function act(action: ((event: never) => unknown) | undefined, fields = {}) {
	const result: unknown = await action!(request(fields));
	return isActionFailure(result)
		? Object.assign({ status: result.status }, result.data)
		: (result as Record<string, unknown>);
}

const unknownId = '00000000-0000-4000-8000-000000000000';

for (const backend of serverDatabaseBackends) {
	describe(`the coordinator's matching pages on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
			signedIn.db = db;
		});

		async function aSchemeOfMine(): Promise<{ scheme: Scheme; coordinatorId: string }> {
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id);
			signedIn.scheme = scheme;
			return { scheme, coordinatorId: coordinator.id };
		}

		const loadSettings = async () =>
			(await settingsPage.load(request())) as { matchingValues: Record<string, string> };

		it('saves the matching settings, built-in areas by id and the scheme’s own by name', async () => {
			await aSchemeOfMine();
			expect((await loadSettings()).matchingValues).toMatchObject({
				audience: 'members',
				weightAreas: '5',
				requireTraining: 'on',
				genderPreferences: ''
			});
			const form = {
				...(await loadSettings()).matchingValues,
				builtInArea: ['leadership', 'learning-the-ropes'],
				ownAreas: 'Housing\nPlanning',
				genderPreferences: 'on',
				weightGender: '4'
			};
			expect(await act(settingsPage.actions.matching, form)).toEqual({ matchingSaved: true });
			expect((await loadSettings()).matchingValues).toMatchObject({
				areas: 'learning-the-ropes\nleadership\nHousing\nPlanning',
				genderPreferences: 'on',
				weightGender: '4'
			});
		});

		it('refuses matching settings out of range, naming the field, and keeps what was typed', async () => {
			await aSchemeOfMine();
			const form = {
				...(await loadSettings()).matchingValues,
				builtInArea: [],
				ownAreas: '',
				weightRole: '11'
			};
			expect(await act(settingsPage.actions.matching, form)).toMatchObject({
				status: 400,
				matching: {
					problems: { areas: 'required', weightRole: 'out_of_range' },
					values: { weightRole: '11', areas: '' }
				}
			});
		});

		it('still saves the scheme’s own details from the first form', async () => {
			await aSchemeOfMine();
			const saved = await act(settingsPage.actions.scheme, {
				name: 'Renamed',
				organisation: 'Cyngor',
				pilotStartsOn: '2026-05-01',
				pilotEndsOn: '2026-10-31',
				stallAfterWeeks: '6'
			});
			expect(saved).toEqual({ saved: true });
		});

		it('proposes, adjusts and sends a round, refusing bad ids by name', async () => {
			const { scheme, coordinatorId } = await aSchemeOfMine();
			const mentor = (name: string) =>
				aMentorWithPenPicture(db, scheme.id, coordinatorId, { name });
			await mentor('Rhian Evans');
			const gareth = await mentor('Gareth Lloyd');
			await aMenteeWithNeeds(db, scheme.id, coordinatorId, { name: 'Sam Price' });
			await aMenteeWithNeeds(db, scheme.id, coordinatorId, { name: 'Tomos Bell' });
			await aJoinedParticipant(db, scheme.id, coordinatorId, 'mentee', 'Nia No Needs');

			const load = () =>
				matchingPage.load(request()) as Promise<Awaited<ReturnType<typeof matchingPage.load>>>;
			const empty = (await load()) as Record<string, unknown>;
			expect(empty).toMatchObject({ lastRun: null, drafts: [], consentDays: 14 });
			expect(empty.menteesWithoutNeeds).toEqual([
				expect.objectContaining({ name: 'Nia No Needs' })
			]);

			expect(await act(matchingPage.actions.propose, { mode: 'first-come' })).toMatchObject({
				status: 400,
				field: 'mode',
				problem: 'invalid_choice'
			});
			expect(await act(matchingPage.actions.propose, { mode: 'best-fit' })).toEqual({
				proposed: true
			});
			const round = (await load()) as {
				lastRun: { mode: string };
				drafts: { id: string; menteeName: string; mentorId: string; choices: unknown[] }[];
			};
			expect(round.lastRun.mode).toBe('best-fit');
			expect(round.drafts.map((d) => d.menteeName)).toEqual(['Sam Price', 'Tomos Bell']);
			const [sam, tomos] = round.drafts as [(typeof round.drafts)[0], (typeof round.drafts)[0]];

			expect(await act(matchingPage.actions.lock, { proposalId: 'nope', locked: 'true' })).toEqual({
				status: 400,
				field: 'proposalId',
				problem: 'invalid_choice',
				proposalId: ''
			});
			expect(
				await act(matchingPage.actions.lock, { proposalId: unknownId, locked: 'true' })
			).toEqual({ status: 404, missing: true });
			expect(await act(matchingPage.actions.lock, { proposalId: sam.id, locked: 'true' })).toEqual({
				locked: { mentee: 'Sam Price', mentor: expect.any(String), locked: true }
			});

			expect(await act(matchingPage.actions.swap, { proposalId: tomos.id, mentorId: '' })).toEqual({
				status: 400,
				field: 'mentorId',
				problem: 'required',
				proposalId: tomos.id
			});
			const other = tomos.mentorId === gareth.id ? sam.mentorId : gareth.id;
			expect(
				await act(matchingPage.actions.swap, { proposalId: tomos.id, mentorId: other })
			).toEqual({ swapped: { proposalId: tomos.id } });

			expect(await act(matchingPage.actions.reject, { proposalId: sam.id })).toEqual({
				rejected: { mentee: 'Sam Price', mentor: expect.any(String) }
			});
			expect(await act(matchingPage.actions.reject, { proposalId: sam.id })).toEqual({
				status: 404,
				missing: true
			});

			expect(await act(matchingPage.actions.send)).toEqual({ sent: 1 });
			const sent = (await load()) as { drafts: unknown[]; waiting: { menteeName: string }[] };
			expect(sent.drafts).toEqual([]);
			expect(sent.waiting.map((w) => w.menteeName)).toEqual(['Tomos Bell']);
		});

		it('never touches another scheme’s proposals', async () => {
			const theirs = await aSchemeOfMine();
			await aMentorWithPenPicture(db, theirs.scheme.id, theirs.coordinatorId);
			await aMenteeWithNeeds(db, theirs.scheme.id, theirs.coordinatorId);
			await act(matchingPage.actions.propose, { mode: 'everyone' });
			const [draft] = ((await matchingPage.load(request())) as { drafts: { id: string }[] }).drafts;
			await aSchemeOfMine();
			for (const [action, fields] of [
				[matchingPage.actions.lock, { proposalId: draft!.id, locked: 'true' }],
				[matchingPage.actions.reject, { proposalId: draft!.id }],
				[matchingPage.actions.swap, { proposalId: draft!.id, mentorId: unknownId }]
			] as const)
				expect(await act(action, fields)).toEqual({ status: 404, missing: true });
			expect(await act(matchingPage.actions.send)).toEqual({ sent: 0 });
		});

		it('records, clears and refuses mentor training dates', async () => {
			const { scheme, coordinatorId } = await aSchemeOfMine();
			const rhian = await aMentorWithPenPicture(db, scheme.id, coordinatorId, {
				name: 'Rhian Evans',
				trainedOn: null
			});
			const mentee = await aMenteeWithNeeds(db, scheme.id, coordinatorId);
			const pool = async () =>
				(
					(await mentorsPage.load(request())) as {
						mentors: { name: string; trainedOn: string | null }[];
					}
				).mentors;
			expect(await pool()).toEqual([
				expect.objectContaining({
					name: 'Rhian Evans',
					trainedOn: null,
					unavailability: 'untrained'
				})
			]);

			const train = (participantId: string, trainedOn: string) =>
				act(mentorsPage.actions.training, { participantId, trainedOn });
			expect(await train(rhian.id, '2026-03-04')).toEqual({
				trained: { name: 'Rhian Evans', trainedOn: '2026-03-04' }
			});
			expect((await pool())[0]).toMatchObject({ trainedOn: '2026-03-04', unavailability: null });
			expect(await train(rhian.id, '')).toEqual({
				trained: { name: 'Rhian Evans', trainedOn: null }
			});
			expect(await train(rhian.id, '2026-02-30')).toEqual({
				status: 400,
				field: 'trainedOn',
				problem: 'invalid_date',
				participantId: rhian.id,
				value: '2026-02-30'
			});
			expect(await train('x', '2026-03-04')).toMatchObject({ status: 400, field: 'participantId' });
			expect(await train(mentee.id, '2026-03-04')).toEqual({ status: 404, missing: true });
			expect(await train(unknownId, '2026-03-04')).toEqual({ status: 404, missing: true });
		});
	});
}
