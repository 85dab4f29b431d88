import { describe, expect, it } from 'vitest';
import { dashboardSort, defaultSort, sortLink } from '$lib/server/dashboard-sort';
import { typedValues } from '$lib/server/form-values';
import { coordinatorReturnPath } from '$lib/server/return-path';

describe('the dashboard sort', () => {
	it('reads a known column and direction, and anything else as the default', () => {
		expect(dashboardSort(new URLSearchParams('sort=mentor&dir=desc'))).toEqual({
			column: 'mentor',
			direction: 'desc'
		});
		expect(dashboardSort(new URLSearchParams('sort=wins'))).toEqual({
			column: 'wins',
			direction: 'asc'
		});
		expect(dashboardSort(new URLSearchParams('sort=password&dir=asc'))).toEqual(defaultSort);
		expect(dashboardSort(new URLSearchParams(''))).toEqual({
			column: 'stalling',
			direction: 'desc'
		});
	});

	it('links a header to its column ascending, or flips the sorted one', () => {
		const byMentor = { column: 'mentor', direction: 'asc' } as const;
		expect(sortLink(byMentor, 'mentor')).toBe('?sort=mentor&dir=desc');
		expect(sortLink({ ...byMentor, direction: 'desc' }, 'mentor')).toBe('?sort=mentor&dir=asc');
		expect(sortLink(byMentor, 'wins')).toBe('?sort=wins&dir=asc');
	});
});

describe('the way back after the language switch', () => {
	it('stays on the coordinator pages', () => {
		expect(coordinatorReturnPath('/coordinator/schemes/abc?sort=mentor&dir=asc')).toBe(
			'/coordinator/schemes/abc?sort=mentor&dir=asc'
		);
		expect(coordinatorReturnPath('/coordinator')).toBe('/coordinator');
		for (const elsewhere of [
			'https://evil.example/coordinator',
			'//evil.example',
			'/coordinatorx',
			'/\\evil.example',
			'/coordinator/\\evil',
			'/',
			null
		])
			expect(coordinatorReturnPath(elsewhere)).toBe('/coordinator');
	});
});

describe('values put back into a failed form', () => {
	it('never include a password or a file', () => {
		const file = new File(['x'], 'x.txt');
		expect(typedValues({ email: 'a@b.c', password: 'secret', newPassword: 's', file })).toEqual({
			email: 'a@b.c'
		});
	});
});
