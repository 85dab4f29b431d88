import { describe, expect, it } from 'vitest';
import type { SchemePairInfo } from '$lib/protocol/participation';
import { planPairLinks } from '$lib/local/pair-linking';
import { pair } from '../support/factories';

const schemePair = (id: string, partnerName: string): SchemePairInfo => ({
	id,
	role: 'mentor',
	partnerName,
	startsOn: '2026-05-01',
	endsOn: null,
	status: 'active'
});

describe('linking the scheme’s pairs to the device’s own', () => {
	it('keeps an existing link', () => {
		const plans = planPairLinks([schemePair('s1', 'Ann')], new Map([['s1', 'p9']]), []);
		expect(plans.map((p) => p.localPairId)).toEqual(['p9']);
	});

	it('matches by partner name, even a first name against a full name', () => {
		const local = [
			pair({ id: 'p1', partnerName: 'Cllr Rhian Davies' }),
			pair({ id: 'p2', partnerName: 'Owain' }),
			pair({ id: 'p3', partnerName: 'rhian' })
		];
		const plans = planPairLinks(
			[schemePair('s1', 'Owain Price'), schemePair('s2', 'Rhian Jones')],
			new Map(),
			local
		);
		expect(plans.map((p) => p.localPairId)).toEqual(['p2', 'p3']);
	});

	it('links the only pair to the only candidate when the names differ', () => {
		const plans = planPairLinks([schemePair('s1', 'Dr A. Example')], new Map(), [
			pair({ id: 'p1', partnerName: 'My mentor' })
		]);
		expect(plans[0]!.localPairId).toBe('p1');
	});

	it('makes a new pair rather than guess between several', () => {
		const plans = planPairLinks([schemePair('s1', 'Zed'), schemePair('s2', 'Yan')], new Map(), [
			pair({ id: 'p1', partnerName: 'Ann' }),
			pair({ id: 'p2', partnerName: 'Bea' })
		]);
		expect(plans.map((p) => p.localPairId)).toEqual([null, null]);
	});

	it('never links a deleted pair or one already linked', () => {
		const plans = planPairLinks([schemePair('s2', 'Ann')], new Map([['s1', 'p1']]), [
			pair({ id: 'p1', partnerName: 'Ann' }),
			pair({ id: 'p2', partnerName: 'Ann', deleted: 1 })
		]);
		expect(plans[0]!.localPairId).toBeNull();
	});
});
