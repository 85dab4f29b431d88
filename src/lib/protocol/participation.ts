import * as v from 'valibot';
import { supportRequestForDeviceSchema } from './support-protocol';
import { surveyDefinitionSchema } from './survey-protocol';
import {
	proposalForDeviceSchema,
	publishedStateSchema,
	schemeMatchingInfoSchema
} from './publication-protocol';

/**
 * What the scheme tells a device about its owner: who they are in the scheme and their pairs.
 * One schema for both sides; the device refuses a reply that does not fit.
 */
const role = v.picklist(['mentor', 'mentee']);
const day = v.pipe(v.string(), v.isoDate());

export const schemePairSchema = v.object({
	id: v.pipe(v.string(), v.uuid()),
	role,
	partnerName: v.string(),
	startsOn: day,
	endsOn: v.nullable(day),
	status: v.picklist(['active', 'paused', 'ended'])
});
export type SchemePairInfo = v.InferOutput<typeof schemePairSchema>;

/** One of the person's devices that may sync, so each can see the others (and a stranger). */
export const ownDeviceSchema = v.object({
	id: v.pipe(v.string(), v.uuid()),
	/** What it called itself when it joined, such as "Chrome on Android". */
	label: v.nullable(v.string()),
	joinedAt: v.pipe(v.string(), v.isoTimestamp()),
	lastSeenAt: v.nullable(v.pipe(v.string(), v.isoTimestamp())),
	thisDevice: v.boolean()
});
export type OwnDevice = v.InferOutput<typeof ownDeviceSchema>;

export const participationSchema = v.object({
	participant: v.object({ id: v.pipe(v.string(), v.uuid()), role, name: v.string() }),
	scheme: v.object({
		id: v.pipe(v.string(), v.uuid()),
		name: v.string(),
		organisation: v.string()
	}),
	/** The scheme's milestones, for anniversary reminders on the device. */
	milestones: v.object({
		startsOn: day,
		pilotEndsOn: day,
		reviewOn: v.nullable(day)
	}),
	/** The scheme's photo from the outset, shown on the board at its first anniversary. */
	photo: v.nullable(
		v.object({
			/** Changes whenever the coordinator replaces it, so a device fetches it once. */
			version: v.string(),
			description: v.string()
		})
	),
	/** The scheme's check-ins: when each falls due and what it asks. */
	surveys: v.array(surveyDefinitionSchema),
	/** A mentor's requests for support, with the coordinator's replies. */
	supportRequests: v.array(supportRequestForDeviceSchema),
	pairs: v.array(schemePairSchema),
	/** The scheme's lists for writing a pen picture or needs. */
	matching: schemeMatchingInfoSchema,
	/** What the scheme holds of this person's publications. */
	published: publishedStateSchema,
	/** Proposals waiting on this person's answer. */
	proposals: v.array(proposalForDeviceSchema),
	/** The person's devices; absent from a server older than the device. */
	devices: v.optional(v.array(ownDeviceSchema), [])
});
export type Participation = v.InferOutput<typeof participationSchema>;

export const joinReplySchema = v.object({
	device: v.object({ id: v.pipe(v.string(), v.uuid()), secret: v.string() }),
	participant: participationSchema.entries.participant,
	scheme: participationSchema.entries.scheme
});
export type JoinReply = v.InferOutput<typeof joinReplySchema>;

/** Why the server refused a request, as every /api/v1 error body says. */
export interface ApiProblem {
	error: string;
	field?: string;
	problem?: string;
	/** A refusal at one of the server's limits names it, with its amount. */
	limit?: string;
	max?: number;
}
