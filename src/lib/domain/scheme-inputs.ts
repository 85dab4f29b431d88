import * as v from 'valibot';
import { limits } from './limits';
import {
	calendarDate,
	choice,
	optionalCalendarDate,
	requiredText,
	wholeNumber
} from './validation';

/** What a coordinator types into the scheme server's forms; checked on the server. */

export const schemeInput = v.pipe(
	v.object({
		name: requiredText(limits.title),
		organisation: requiredText(limits.title),
		pilotStartsOn: calendarDate,
		pilotEndsOn: calendarDate,
		reviewOn: optionalCalendarDate,
		stallAfterWeeks: v.optional(wholeNumber(1, 52), 6)
	}),
	v.forward(
		v.check((s) => s.pilotEndsOn >= s.pilotStartsOn, 'end_before_start'),
		['pilotEndsOn']
	)
);
export type SchemeInput = v.InferOutput<typeof schemeInput>;

export const participantRoles = ['mentor', 'mentee'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export const invitationInput = v.object({
	name: requiredText(limits.name),
	role: choice(participantRoles)
});
export type InvitationInput = v.InferOutput<typeof invitationInput>;

export const schemePairInput = v.pipe(
	v.object({
		mentorId: v.pipe(v.string('required'), v.uuid('required')),
		menteeId: v.pipe(v.string('required'), v.uuid('required')),
		startsOn: calendarDate,
		endsOn: optionalCalendarDate
	}),
	v.forward(
		v.check((p) => p.endsOn === null || p.endsOn >= p.startsOn, 'end_before_start'),
		['endsOn']
	)
);
export type SchemePairInput = v.InferOutput<typeof schemePairInput>;

export const credentialsInput = v.object({
	email: v.pipe(v.string('required'), v.trim(), v.nonEmpty('required'), v.email('invalid_email')),
	password: v.pipe(
		v.string('required'),
		v.nonEmpty('required'),
		v.maxLength(limits.password.max, 'too_long')
	)
});

export const signUpInput = v.object({
	name: requiredText(limits.name),
	email: credentialsInput.entries.email,
	password: v.pipe(
		v.string('required'),
		v.minLength(limits.password.min, 'too_short'),
		v.maxLength(limits.password.max, 'too_long')
	)
});
