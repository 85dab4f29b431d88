import { describe, expect, it } from 'vitest';
import { emptyNeedsDraft, emptyPenPictureDraft } from '$lib/domain/publication-draft';
import type { Needs, PenPicture, ProposalForDevice } from '$lib/protocol/publication-protocol';
import { SchemeSync } from '$lib/sync/scheme-sync';
import { MockSchemeServer } from '../support/mock-scheme-server';
import { testRepositories } from '../support/test-db';

const penPicture: PenPicture = {
	text: 'Twelve years on the council, four in the cabinet.',
	roles: ['cabinet'],
	level: null,
	serviceArea: null,
	group: 'Labour',
	areas: ['leadership'],
	yearsExperience: 12,
	capacity: 2,
	gender: null,
	formerMemberSince: null
};
const penPictureDraft = { ...emptyPenPictureDraft(), text: penPicture.text, areas: ['leadership'] };

const needs: Needs = {
	summary: 'Speaking in council',
	areas: ['media-relations', 'leadership'],
	level: null,
	serviceArea: null,
	group: 'Independent',
	preferences: { gender: null, role: null, experience: null },
	avoid: { lineManager: null, people: [], ownGroup: false },
	gender: null
};

const proposal = (stage: 'mentee' | 'mentor'): ProposalForDevice => ({
	id:
		stage === 'mentee'
			? '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
			: '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
	stage,
	respondBy: '2026-12-07T10:00:00.000Z',
	mentor: { name: 'Rhian Jones', penPicture },
	mentee: { name: 'Megan Hughes', needs }
});

/** A device that has joined as a mentor (or mentee) and synced once. */
async function joined(role: 'mentor' | 'mentee' = 'mentor') {
	const device = testRepositories();
	const server = new MockSchemeServer();
	server.identity.participant.role = role;
	server.time = device.clock;
	const sync = new SchemeSync(device.repos.scheme, device.repos.publications, server, device.clock);
	await sync.join('GOOD-CODE');
	const publish = () =>
		device.repos.publications.queuePublish('pen-picture', penPictureDraft, penPicture);
	const count = (call: string) => server.calls.filter((c) => c === call).length;
	return { ...device, server, sync, publish, count };
}

describe('publishing a pen picture', () => {
	it('waits while offline, then goes on the next round', async () => {
		const { repos, server, sync, publish, clock } = await joined();
		server.offline = true;
		await repos.publications.saveDraft('pen-picture', penPictureDraft);
		await publish();
		await sync.run();
		expect(await repos.publications.get('pen-picture')).toMatchObject({
			state: 'to-publish',
			lastProblem: { kind: 'offline' }
		});
		expect(server.penPicture).toBeNull();

		server.offline = false;
		clock.advance(60_000);
		await sync.run();
		expect(server.penPicture?.value).toEqual(penPicture);
		expect(await repos.publications.get('pen-picture')).toMatchObject({
			state: 'published',
			publishedAt: clock().toISOString(),
			unpublishedChanges: false,
			lastProblem: null
		});
		// The scheme's own account of it arrives with the next round.
		await sync.run();
		expect(await repos.scheme.membership()).toMatchObject({
			published: { penPictureAt: server.penPicture!.at, needsAt: null }
		});
	});

	it('publishes once when the reply to the first attempt was lost', async () => {
		const { repos, server, sync, publish, count } = await joined();
		server.publishLostReplyRate = 1;
		await publish();
		await sync.run();
		expect(await repos.publications.get('pen-picture')).toMatchObject({
			state: 'to-publish',
			lastProblem: { kind: 'server', status: 503 }
		});
		server.publishLostReplyRate = 0;
		await sync.run();
		expect(await repos.publications.get('pen-picture')).toMatchObject({ state: 'published' });
		expect(count('publish-pen-picture')).toBe(2);
		expect(server.stored).toHaveLength(1);
		await sync.run();
		expect(count('publish-pen-picture')).toBe(2);
	});

	it('shows a change after publishing as not yet published, until published again', async () => {
		const { repos, server, sync, publish, clock } = await joined();
		await publish();
		await sync.run();
		clock.advance(60_000);
		const edited = { ...penPictureDraft, text: 'Now thirteen years.' };
		await repos.publications.saveDraft('pen-picture', edited);
		expect(await repos.publications.get('pen-picture')).toMatchObject({
			state: 'published',
			unpublishedChanges: true
		});
		await repos.publications.queuePublish('pen-picture', edited, {
			...penPicture,
			text: 'Now thirteen years.'
		});
		await sync.run();
		expect(server.penPicture?.value.text).toBe('Now thirteen years.');
		expect(server.stored).toHaveLength(2);
		expect(await repos.publications.get('pen-picture')).toMatchObject({
			state: 'published',
			unpublishedChanges: false
		});
	});

	it('keeps a Publish pressed while the previous one was on its way', async () => {
		const { repos, sync, publish, clock } = await joined();
		await publish();
		const [first] = await repos.publications.due();
		clock.advance(1_000);
		await publish();
		await repos.publications.markDone(first!);
		expect(await repos.publications.get('pen-picture')).toMatchObject({ state: 'to-publish' });
		await sync.run();
		expect(await repos.publications.get('pen-picture')).toMatchObject({ state: 'published' });
	});

	it('withdraws: the scheme no longer holds it, the draft stays, and it can be published again', async () => {
		const { repos, server, sync, publish, count } = await joined();
		await publish();
		await sync.run();
		server.offline = true;
		await repos.publications.queueWithdraw('pen-picture');
		await sync.run();
		expect(await repos.publications.get('pen-picture')).toMatchObject({ state: 'to-withdraw' });
		expect(server.penPicture).not.toBeNull();

		server.offline = false;
		server.publishLostReplyRate = 1;
		await sync.run();
		expect(server.penPicture).toBeNull();
		server.publishLostReplyRate = 0;
		await sync.run();
		expect(count('withdraw-pen-picture')).toBe(2);
		expect(await repos.publications.get('pen-picture')).toMatchObject({
			state: 'draft',
			publishedAt: null,
			payload: null,
			draft: penPictureDraft
		});
		await sync.run();
		expect(count('withdraw-pen-picture')).toBe(2);

		await publish();
		await sync.run();
		expect(server.penPicture?.value).toEqual(penPicture);
	});

	it('shows a refusal with its field, and does not send the same again', async () => {
		const { repos, server, sync, publish, count } = await joined();
		server.refusePublication = {
			field: 'penPicture.group',
			problem: "is not on the scheme's list"
		};
		await publish();
		await sync.run();
		expect(await repos.publications.get('pen-picture')).toMatchObject({
			state: 'draft',
			publishedAt: null,
			lastProblem: {
				kind: 'refused',
				field: 'penPicture.group',
				problem: "is not on the scheme's list"
			}
		});
		await sync.run();
		expect(count('publish-pen-picture')).toBe(1);
		// The membership's own status is about reaching the scheme, which worked.
		expect(await repos.scheme.membership()).toMatchObject({ lastProblem: null });

		server.refusePublication = null;
		await publish();
		await sync.run();
		expect(await repos.publications.get('pen-picture')).toMatchObject({
			state: 'published',
			lastProblem: null
		});
	});

	it('keeps an earlier copy published when a later edit is refused', async () => {
		const { repos, server, sync, publish } = await joined();
		await publish();
		await sync.run();
		server.refusePublication = {
			field: 'penPicture.areas',
			problem: "is not on the scheme's list"
		};
		await publish();
		await sync.run();
		expect(await repos.publications.get('pen-picture')).toMatchObject({
			state: 'published',
			unpublishedChanges: true,
			lastProblem: { kind: 'refused', field: 'penPicture.areas' }
		});
	});

	it('counts a copy the scheme found stale as done: it holds a later one', async () => {
		const { repos, server, sync, publish, clock } = await joined();
		await publish();
		server.penPicture = {
			writtenAt: new Date(clock().getTime() + 60_000).toISOString(),
			value: { ...penPicture, text: 'From my laptop' },
			at: clock().toISOString()
		};
		await sync.run();
		expect(server.penPicture.value.text).toBe('From my laptop');
		expect(await repos.publications.get('pen-picture')).toMatchObject({ state: 'published' });
	});

	it('follows the scheme when the person withdrew it from another device', async () => {
		const { repos, server, sync, publish } = await joined();
		await publish();
		await sync.run();
		server.penPicture = null;
		await sync.run();
		expect(await repos.publications.get('pen-picture')).toMatchObject({
			state: 'draft',
			publishedAt: null
		});
	});

	it('stops when the device has been removed from the scheme', async () => {
		const { repos, server, sync, publish } = await joined();
		server.revoked = true;
		await publish();
		await sync.run();
		expect(await repos.publications.get('pen-picture')).toMatchObject({
			state: 'to-publish',
			lastProblem: { kind: 'revoked' }
		});
		expect(await repos.scheme.membership()).toMatchObject({ revokedAt: expect.any(String) });
	});
});

describe('publishing needs', () => {
	it('goes the same way for a mentee', async () => {
		const { repos, server, sync } = await joined('mentee');
		const draft = { ...emptyNeedsDraft(), summary: needs.summary, areas: needs.areas };
		await repos.publications.queuePublish('needs', draft, needs);
		await sync.run();
		expect(server.needs?.value).toEqual(needs);
		await sync.run();
		expect(await repos.scheme.membership()).toMatchObject({
			published: { needsAt: expect.any(String), penPictureAt: null }
		});
		await repos.publications.queueWithdraw('needs');
		await sync.run();
		expect(server.needs).toBeNull();
		expect(await repos.publications.get('needs')).toMatchObject({ state: 'draft' });
	});
});

describe('taking in the participation reply', () => {
	it('stores the scheme’s lists and the proposals waiting on the person', async () => {
		const { repos, server, sync } = await joined('mentee');
		server.proposals = [proposal('mentee')];
		await sync.run();
		expect(await repos.scheme.membership()).toMatchObject({ matching: server.matching });
		expect(await repos.scheme.proposals()).toEqual([{ ...proposal('mentee'), answered: null }]);
		server.proposals = [];
		await sync.run();
		expect(await repos.scheme.proposals()).toEqual([]);
	});

	it('starts afresh when the device joins as someone else, keeping the drafts', async () => {
		const { repos, server, sync, publish } = await joined();
		server.proposals = [proposal('mentor')];
		await publish();
		await sync.run();
		await repos.scheme.join({
			...(await repos.scheme.membership())!,
			participantId: '1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b'
		});
		expect(await repos.scheme.proposals()).toEqual([]);
		expect(await repos.publications.get('pen-picture')).toMatchObject({
			state: 'draft',
			publishedAt: null,
			payload: null,
			draft: penPictureDraft
		});
	});
});

describe('answering a proposal', () => {
	it('needs the network: offline, the proposal stays to answer later', async () => {
		const { repos, server, sync } = await joined('mentee');
		server.proposals = [proposal('mentee')];
		await sync.run();
		server.offline = true;
		const id = proposal('mentee').id;
		expect(await sync.answer(id, { answer: 'accept' })).toEqual({
			ok: false,
			problem: { kind: 'offline' }
		});
		expect(await repos.scheme.proposals()).toHaveLength(1);

		server.offline = false;
		expect(await sync.answer(id, { answer: 'accept' })).toEqual({
			ok: true,
			value: { status: 'with-mentor', pairId: null }
		});
		expect(await repos.scheme.proposals()).toEqual([]);
		expect(await repos.scheme.proposal(id)).toMatchObject({
			answered: { answer: 'accept', status: 'with-mentor' }
		});
		await sync.run();
		expect(await repos.scheme.proposal(id)).toBeUndefined();
	});

	it('does not bring back a proposal answered while a round was reading the list', async () => {
		const { repos, server, sync } = await joined('mentee');
		server.proposals = [proposal('mentee')];
		await sync.run();
		const before = await server.participation();
		await sync.answer(proposal('mentee').id, { answer: 'accept' });
		await repos.scheme.applyParticipation(before.value!);
		expect(await repos.scheme.proposals()).toEqual([]);
	});

	it('makes the pair appear on the mentor’s device when the mentor accepts', async () => {
		const { repos, server, sync } = await joined('mentor');
		server.proposals = [proposal('mentor')];
		server.pairOnAccept = {
			id: '3e0f4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
			role: 'mentor',
			partnerName: 'Megan Hughes',
			startsOn: '2026-11-23',
			endsOn: null,
			status: 'active'
		};
		await sync.run();
		const answered = await sync.answer(proposal('mentor').id, { answer: 'accept' });
		expect(answered).toMatchObject({ ok: true, value: { status: 'accepted' } });
		await sync.run();
		expect(await repos.scheme.links()).toMatchObject([
			{ id: server.pairOnAccept.id, partnerName: 'Megan Hughes' }
		]);
		expect((await repos.pairs.list()).map((p) => p.partnerName)).toEqual(['Megan Hughes']);
	});

	it('sends a decline with its reason from the list', async () => {
		const { server, sync } = await joined('mentee');
		server.proposals = [proposal('mentee')];
		await sync.run();
		const answer = { answer: 'decline', reason: 'timing' } as const;
		expect(await sync.answer(proposal('mentee').id, answer)).toMatchObject({
			ok: true,
			value: { status: 'declined' }
		});
		expect(server.answers.get(proposal('mentee').id)?.answer).toEqual(answer);
	});

	it('forgets a proposal the scheme has closed', async () => {
		const { repos, server, sync } = await joined('mentee');
		server.proposals = [proposal('mentee')];
		await sync.run();
		server.answerRefusal = 'closed';
		expect(await sync.answer(proposal('mentee').id, { answer: 'accept' })).toEqual({
			ok: false,
			refusal: 'closed'
		});
		expect(await repos.scheme.proposal(proposal('mentee').id)).toBeUndefined();
	});
});
