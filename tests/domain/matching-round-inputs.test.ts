import { describe, expect, it } from 'vitest';
import {
	firstProblem,
	lockInput,
	proposeInput,
	swapInput,
	trainingInput
} from '$lib/domain/matching-round-inputs';
import { check } from '$lib/domain/validation';

const id = '0b6f1a52-2c43-4c9e-9a57-3f7d2b0c1e11';

describe('what the matching pages post', () => {
	it('takes a known mode only', () => {
		expect(check(proposeInput, { mode: 'everyone' })).toEqual({
			ok: true,
			value: { mode: 'everyone' }
		});
		expect(check(proposeInput, { mode: 'first-come' })).toEqual({
			ok: false,
			problems: { mode: 'invalid_choice' }
		});
		expect(check(proposeInput, {})).toEqual({ ok: false, problems: { mode: 'invalid_choice' } });
	});

	it('refuses an id that is not a UUID, naming the field', () => {
		expect(check(swapInput, { proposalId: id, mentorId: "1' or 1=1" })).toEqual({
			ok: false,
			problems: { mentorId: 'invalid_choice' }
		});
		expect(check(swapInput, { proposalId: id, mentorId: '' })).toEqual({
			ok: false,
			problems: { mentorId: 'required' }
		});
		expect(check(lockInput, { proposalId: id, locked: 'true' })).toEqual({
			ok: true,
			value: { proposalId: id, locked: true }
		});
		expect(check(lockInput, { locked: 'maybe' })).toMatchObject({
			ok: false,
			problems: { proposalId: 'required', locked: 'invalid_choice' }
		});
	});

	it('reads an empty training date as none, and refuses a date that does not exist', () => {
		expect(check(trainingInput, { participantId: id, trainedOn: '' })).toEqual({
			ok: true,
			value: { participantId: id, trainedOn: null }
		});
		expect(check(trainingInput, { participantId: id, trainedOn: '2026-02-30' })).toEqual({
			ok: false,
			problems: { trainedOn: 'invalid_date' }
		});
	});

	it('reports the first problem for fail(400, { field, problem })', () => {
		expect(firstProblem({ mentorId: 'required' })).toEqual({
			field: 'mentorId',
			problem: 'required'
		});
		expect(firstProblem({})).toEqual({ field: 'form', problem: 'invalid_choice' });
	});
});
