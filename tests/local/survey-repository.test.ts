import { describe, expect, it } from 'vitest';
import type { SurveyAnswerInput } from '$lib/domain/survey-answer-input';
import { joinedDevice, schemePairId as pair } from '../support/joined-device';

const baseline = (overrides: Partial<SurveyAnswerInput> = {}): SurveyAnswerInput => ({
	ratings: { confidence: 2, goalProgress: 1 },
	again: null,
	outcomes: [],
	comment: '',
	shareComment: false,
	...overrides
});

describe('check-ins on the device', () => {
	it('offers the check-ins open today that the person has not answered', async () => {
		const { repos, clock } = await joinedDevice('mentee');
		expect((await (await repos.surveys()).waiting()).map((c) => c.window.checkpoint)).toEqual([
			'baseline'
		]);
		clock.set('2026-08-02T09:00:00.000Z');
		expect((await (await repos.surveys()).waiting()).map((c) => c.window.checkpoint)).toEqual([
			'midpoint'
		]);
		expect((await (await repos.surveys()).checkIns()).map((c) => c.window.checkpoint)).toEqual([
			'midpoint',
			'baseline'
		]);
	});

	it('keeps the comment on the device unless shared, and sends only what was asked', async () => {
		const { repos, server, sync } = await joinedDevice('mentee');
		const saved = await (
			await repos.surveys()
		).save(
			pair,
			'baseline',
			baseline({
				ratings: { confidence: 2, goalProgress: 1, relationship: 5 },
				outcomes: ['promotion'],
				comment: 'Private worries about full council'
			})
		);
		expect(saved).toMatchObject({
			ok: true,
			record: { comment: 'Private worries about full council', shareComment: false }
		});
		await sync.run();
		const sent = server.surveyAnswers.get(`${pair}/baseline`);
		expect(sent).toEqual({
			id: saved.ok && saved.record.id,
			pair,
			checkpoint: 'baseline',
			answeredAt: '2026-05-10T09:00:00.000Z',
			ratings: { confidence: 2, goalProgress: 1, relationship: null, meetingsUseful: null },
			again: null,
			outcomes: [],
			comment: null
		});
		expect(JSON.stringify([...server.surveyAnswers.values()])).not.toContain('Private');
		expect(await (await repos.surveys()).waiting()).toEqual([]);
	});

	it('sends the comment, trimmed and exactly as written, when the person shares it', async () => {
		const { repos, server, sync } = await joinedDevice('mentee');
		await (
			await repos.surveys()
		).save(
			pair,
			'baseline',
			baseline({ comment: '  The induction helped.  ', shareComment: true })
		);
		await sync.run();
		expect(server.surveyAnswers.get(`${pair}/baseline`)?.comment).toBe('The induction helped.');
	});

	it('names each unanswered or impossible rating and stores nothing', async () => {
		const { repos } = await joinedDevice('mentee');
		expect(
			await (
				await repos.surveys()
			).save(
				pair,
				'baseline',
				baseline({ ratings: { confidence: null, goalProgress: 7 }, comment: 'x'.repeat(1001) })
			)
		).toEqual({
			ok: false,
			problems: { confidence: 'required', goalProgress: 'out_of_range', comment: 'too_long' }
		});
		expect(await repos.scheme.pending()).toEqual([]);
		expect((await (await repos.surveys()).checkIns())[0]?.answer).toBeUndefined();
	});

	it('replaces an answer given again, keeping its id, and sends only the latest', async () => {
		const { repos, server, sync, clock } = await joinedDevice('mentee');
		server.offline = true;
		const first = await (await repos.surveys()).save(pair, 'baseline', baseline());
		clock.advance(60_000);
		const second = await (
			await repos.surveys()
		).save(pair, 'baseline', baseline({ ratings: { confidence: 3, goalProgress: 2 } }));
		expect(second.ok && second.record.id).toBe(first.ok && first.record.id);
		expect(await repos.scheme.pending()).toHaveLength(1);
		server.offline = false;
		await sync.run();
		expect(server.surveyAnswers.get(`${pair}/baseline`)?.ratings.confidence).toBe(3);
	});

	it('refuses a check-in that has not opened yet', async () => {
		const { repos } = await joinedDevice('mentee');
		expect(await (await repos.surveys()).save(pair, 'end', baseline())).toEqual({
			ok: false,
			problems: {}
		});
	});
});
