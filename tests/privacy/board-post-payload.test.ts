import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardLimits } from '$lib/domain/board';
import { articlePost, sharedWinPost, thoughtPost } from '$lib/privacy/board-post-payload';
import { checkBoardPost } from '$lib/protocol/board-post-check';
import { win } from '../support/factories';

const ids = { id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', postedAt: '2026-11-23T10:00:00.000Z' };

describe('a shared win, as built for the board', () => {
	it('carries the chosen words, the day and the choice of name, and nothing else', () => {
		const theWin = win({
			text: 'Chaired scrutiny; Cllr Jones was a great help',
			wonOn: '2026-11-20'
		});
		const built = sharedWinPost(
			theWin,
			'Chaired my first scrutiny meeting',
			{ showName: false },
			ids
		);
		expect(built).toEqual({
			ok: true,
			value: {
				kind: 'win',
				id: ids.id,
				text: 'Chaired my first scrutiny meeting',
				wonOn: '2026-11-20',
				showName: false,
				postedAt: ids.postedAt
			}
		});
	});

	it('never carries the pair’s own words, whatever the win says (canary property)', () => {
		const canary = fc.string({ minLength: 1, maxLength: 40 }).map((s) => `CANARY-${s}`);
		const words = fc
			.string({ minLength: 1, maxLength: 80 })
			.filter((s) => s.trim() !== '' && !s.includes('CANARY'));
		fc.assert(
			fc.property(canary, canary, words, fc.boolean(), (text, pairId, chosen, showName) => {
				const theWin = win({ text, pairId });
				const built = sharedWinPost(theWin, chosen, { showName }, ids);
				expect(built.ok).toBe(true);
				expect(JSON.stringify(built)).not.toContain('CANARY');
				expect(built.ok && built.value.text).toBe(chosen.trim());
			})
		);
	});

	it('names the field the person must fix', () => {
		const theWin = win();
		expect(sharedWinPost(theWin, '   ', { showName: true }, ids)).toEqual({
			ok: false,
			problems: { text: 'required' }
		});
		const long = 'x'.repeat(boardLimits.winText + 1);
		expect(sharedWinPost(theWin, long, { showName: true }, ids)).toEqual({
			ok: false,
			problems: { text: 'too_long' }
		});
	});
});

describe('articles and thoughts, as built for the board', () => {
	it('take a link to a web page only', () => {
		for (const url of [
			'javascript:alert(1)',
			'data:text/html,hi',
			'ftp://example.org/a',
			'example'
		]) {
			expect(articlePost({ title: 'Read this', url, why: '' }, { showName: true }, ids)).toEqual({
				ok: false,
				problems: { url: 'invalid_link' }
			});
		}
		expect(
			articlePost(
				{ title: ' Read this ', url: ' https://example.org/a ', why: '' },
				{ showName: true },
				ids
			)
		).toMatchObject({ ok: true, value: { title: 'Read this', url: 'https://example.org/a' } });
	});

	it('report every field’s first problem at once', () => {
		const draft = { title: '', url: 'nope', why: 'w'.repeat(boardLimits.articleWhy + 1) };
		expect(articlePost(draft, { showName: false }, ids)).toEqual({
			ok: false,
			problems: { title: 'required', url: 'invalid_link', why: 'too_long' }
		});
		expect(thoughtPost('', { showName: false }, ids)).toEqual({
			ok: false,
			problems: { text: 'required' }
		});
	});

	it('are refused whole, as a form problem, when their ids are not the device’s', () => {
		expect(thoughtPost('Small steps', { showName: true }, { ...ids, id: 'one' })).toEqual({
			ok: false,
			problems: { form: 'invalid_choice' }
		});
		expect(checkBoardPost({ kind: 'poll', id: ids.id })).toMatchObject({ ok: false });
	});
});
