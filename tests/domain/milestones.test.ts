import { describe, expect, it } from 'vitest';
import {
	anniversaryDue,
	anniversaryReminders,
	daysUntil,
	firstAnniversary,
	schemeMilestones,
	schemePhotoShown,
	schemePhotoWindow
} from '$lib/domain/milestones';

describe('milestones and first anniversaries', () => {
	it('falls a year on, and on 28 February for a start on 29 February', () => {
		expect(firstAnniversary('2026-05-01')).toBe('2027-05-01');
		expect(firstAnniversary('2028-02-29')).toBe('2029-02-28');
	});

	it('reminds from fourteen days before up to the day, not after', () => {
		expect(anniversaryDue('2026-05-01', '2027-04-16')).toBe(false);
		expect(anniversaryDue('2026-05-01', '2027-04-17')).toBe(true);
		expect(anniversaryDue('2026-05-01', '2027-05-01')).toBe(true);
		expect(anniversaryDue('2026-05-01', '2027-05-02')).toBe(false);
	});

	it('shows the scheme photo from the reminder until thirty days after', () => {
		expect(schemePhotoShown('2026-05-01', '2027-04-16')).toBe(false);
		expect(schemePhotoShown('2026-05-01', '2027-04-17')).toBe(true);
		expect(schemePhotoShown('2026-05-01', '2027-05-31')).toBe(true);
		expect(schemePhotoShown('2026-05-01', '2027-06-01')).toBe(false);
		expect(schemePhotoWindow('2026-05-01')).toEqual({ from: '2027-04-17', until: '2027-05-31' });
	});

	it('counts days across a change of clocks as calendar days', () => {
		expect(daysUntil('2027-03-29', '2027-03-27')).toBe(2);
		expect(daysUntil('2027-03-27', '2027-03-29')).toBe(-2);
	});

	it('lists the milestones in date order, the review only when set', () => {
		expect(
			schemeMilestones({ startsOn: '2026-05-01', pilotEndsOn: '2026-10-31', reviewOn: null })
		).toEqual([
			{ kind: 'scheme-start', on: '2026-05-01' },
			{ kind: 'pilot-end', on: '2026-10-31' },
			{ kind: 'scheme-anniversary', on: '2027-05-01' }
		]);
		expect(
			schemeMilestones({
				startsOn: '2026-05-01',
				pilotEndsOn: '2026-10-31',
				reviewOn: '2027-04-20'
			}).map((m) => m.kind)
		).toEqual(['scheme-start', 'pilot-end', 'review', 'scheme-anniversary']);
	});

	it('reminds of pairs still going and of the scheme, each in its own fortnight', () => {
		const pairs = [
			{ startsOn: '2026-05-10', status: 'active', partnerName: 'Rhian' },
			{ startsOn: '2026-05-10', status: 'ended', partnerName: 'Dafydd' },
			{ startsOn: '2026-09-01', status: 'paused', partnerName: 'Siân' }
		];
		expect(anniversaryReminders(pairs, '2026-05-01', '2027-04-30')).toEqual([
			{ kind: 'pair', on: '2027-05-10', partnerName: 'Rhian' },
			{ kind: 'scheme', on: '2027-05-01', partnerName: null }
		]);
		expect(anniversaryReminders(pairs, null, '2027-05-05')).toEqual([
			{ kind: 'pair', on: '2027-05-10', partnerName: 'Rhian' }
		]);
		expect(anniversaryReminders(pairs, '2026-05-01', '2027-03-01')).toEqual([]);
	});
});
