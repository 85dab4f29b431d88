import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DeviceLinking } from '$lib/sync/device-linking';
import { readLinkInvitation } from '$lib/replica/link-invitation';
import { MockPairServer } from '../support/mock-pair-server';
import { aDevice, type TestDevice } from '../support/pair-devices';

/** Tells a device it has joined the scheme and is in this scheme pair (as a sync would). */
async function joinedAndPaired(d: TestDevice, pairId: string) {
	await d.db.membership.put({
		id: 'me',
		schemeId: randomUUID(),
		schemeName: 'Member mentoring',
		organisation: 'Example Council',
		participantId: randomUUID(),
		role: d.role,
		name: d.role,
		deviceId: d.credential.deviceId,
		deviceSecret: d.credential.deviceSecret,
		joinedAt: '2026-11-01T09:00:00.000Z',
		revokedAt: null,
		lastSyncedAt: null,
		lastProblem: null
	});
	await d.db.schemePairs.put({
		id: pairId,
		localPairId: d.localPairId,
		role: d.role,
		partnerName: 'Partner',
		startsOn: '2026-05-01',
		endsOn: null,
		status: 'active'
	});
	return new DeviceLinking(d.repos.scheme, d.repos.pairChannels, d.server, 'https://tandem.test');
}

async function aPairAtTheirFirstMeeting() {
	const server = new MockPairServer();
	const pairId = randomUUID();
	server.addPair(pairId, ['mentor-1', 'mentee-1']);
	const mentor = await aDevice(server, { role: 'mentor', participant: 'mentor-1' });
	const mentee = await aDevice(server, { role: 'mentee', participant: 'mentee-1' });
	return {
		server,
		pairId,
		mentor,
		mentee,
		mentorLinking: await joinedAndPaired(mentor, pairId),
		menteeLinking: await joinedAndPaired(mentee, pairId)
	};
}

describe('linking a pair’s devices', () => {
	it('shows a QR link and a short code; typing the code links the other device', async () => {
		const { server, pairId, mentor, mentorLinking, menteeLinking, mentee } =
			await aPairAtTheirFirstMeeting();
		const shown = await mentorLinking.showCode(mentor.localPairId);
		expect(shown).toMatchObject({
			ok: true,
			shortCode: expect.stringMatching(/^\w{4}-\w{4}-\w{4}$/)
		});
		if (!shown.ok) return;
		expect(readLinkInvitation(shown.invitationUrl)?.pairId).toBe(pairId);
		expect(server.channels.get(pairId)?.linked.size).toBe(1);

		expect(await menteeLinking.acceptShortCode(mentee.localPairId, 'AAAA-AAAA-AAAA')).toEqual({
			ok: false,
			refusal: 'wrong-code'
		});
		expect(await menteeLinking.acceptShortCode(mentee.localPairId, 'nonsense')).toEqual({
			ok: false,
			refusal: 'invalid-code'
		});
		const typed = shown.shortCode!.toLowerCase().replace(/-/g, ' ');
		expect(await menteeLinking.acceptShortCode(mentee.localPairId, typed)).toEqual({
			ok: true,
			localPairId: mentee.localPairId,
			registered: true
		});
		expect(server.channels.get(pairId)?.linked.size).toBe(2);
		// Used once, then gone.
		expect(server.channels.get(pairId)?.offer).toBeNull();
		expect((await mentee.channel())?.key).toBe((await mentor.channel())?.key);
	});

	it('works offline at the meeting with the QR code, registering once back online', async () => {
		const { server, pairId, mentor, mentee, mentorLinking, menteeLinking } =
			await aPairAtTheirFirstMeeting();
		server.offline = true;
		const shown = await mentorLinking.showCode(mentor.localPairId);
		expect(shown).toMatchObject({ ok: true, shortCode: null });
		if (!shown.ok) return;
		const accepted = await menteeLinking.accept(readLinkInvitation(shown.invitationUrl)!);
		expect(accepted).toEqual({ ok: true, localPairId: mentee.localPairId, registered: false });
		await mentee.repos.agenda.save(randomUUID(), mentee.localPairId, 'mentee', {
			title: 'From the bus'
		});

		server.offline = false;
		await mentor.sync();
		await mentee.sync();
		await mentor.sync();
		expect(server.channels.get(pairId)?.linked.size).toBe(2);
		expect((await mentor.repos.agenda.open(mentor.localPairId)).map((i) => i.title)).toEqual([
			'From the bus'
		]);
	});

	it('tells the second device to show its code to a device already linked when both started one', async () => {
		const { mentor, mentee, mentorLinking, menteeLinking } = await aPairAtTheirFirstMeeting();
		expect(await mentorLinking.showCode(mentor.localPairId)).toMatchObject({ ok: true });
		expect(await menteeLinking.showCode(mentee.localPairId)).toEqual({
			ok: false,
			refusal: 'linked-elsewhere'
		});
		// Nothing of the unused key is left behind: scanning the mentor's code still works.
		expect(await mentee.channel()).toBeUndefined();
	});

	it('refuses a device that has not joined the scheme or is not in the pair', async () => {
		const server = new MockPairServer();
		const loner = await aDevice(server, { role: 'mentee', participant: 'x' });
		const linking = new DeviceLinking(
			loner.repos.scheme,
			loner.repos.pairChannels,
			server,
			'https://t'
		);
		expect(await linking.showCode(loner.localPairId)).toEqual({ ok: false, refusal: 'not-joined' });
		await joinedAndPaired(loner, randomUUID());
		expect(await linking.showCode(randomUUID())).toEqual({ ok: false, refusal: 'not-in-scheme' });
	});

	it('ends the pair for both after sending what waits, keeping everything shared', async () => {
		const { pairId, mentor, mentee, mentorLinking, menteeLinking } =
			await aPairAtTheirFirstMeeting();
		const shown = await mentorLinking.showCode(mentor.localPairId);
		if (!shown.ok) throw new Error('no code');
		await menteeLinking.accept(readLinkInvitation(shown.invitationUrl)!);
		await mentee.repos.goals.save(randomUUID(), mentee.localPairId, {
			title: 'Chair a committee',
			outcome: 'new_role',
			status: 'achieved',
			manualProgress: 100
		});
		expect(await menteeLinking.endPair(mentee.localPairId, () => mentee.sync())).toEqual({
			ok: true
		});
		expect(await mentee.channel()).toMatchObject({ state: 'ended' });
		// The end day is the scheme's, from its reply, as the next participation will say too.
		expect(await mentee.db.schemePairs.get(pairId)).toMatchObject({
			status: 'ended',
			endsOn: (await mentee.channel())!.endedAt!.slice(0, 10)
		});
		await mentor.sync();
		expect(await mentor.channel()).toMatchObject({ state: 'ended' });
		expect((await mentor.repos.goals.list(mentor.localPairId)).map((g) => g.title)).toEqual([
			'Chair a committee'
		]);
	});
});
