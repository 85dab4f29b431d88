import * as v from 'valibot';
import {
	audiences,
	councillorRoles,
	declineReasons,
	officerLevels,
	preferenceStrengths
} from '$lib/domain/matching/vocabulary';
import { wireDay, wireTimestamp } from './wire-fields';

/**
 * What a person chooses to publish to their scheme for matching: a mentor's pen picture and a
 * mentee's needs. Besides progress metrics, these are the only things a device sends about a
 * person, and only after they have seen the preview and pressed Publish. One schema for both
 * sides: the device builds against it, the server refuses anything else (naming the field) and
 * then checks the ids against the scheme's own lists.
 */

export const publicationLimits = {
	penPicture: 1_200,
	needsSummary: 600,
	listEntry: 80,
	areas: 12,
	rankedAreas: 5,
	roles: 5,
	avoidPeople: 3,
	gender: 40,
	years: 60,
	capacity: 10
} as const;

const entry = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('must not be empty'),
	v.maxLength(publicationLimits.listEntry, 'is too long')
);
const optionalEntry = v.nullable(entry);
const strength = v.picklist(preferenceStrengths, 'must be must or nice');
const roleOrLevel = v.picklist([...councillorRoles, ...officerLevels], 'is not a role or level');
const uniqueList = <T extends v.GenericSchema>(item: T, max: number, what: string) =>
	v.pipe(
		v.array(item),
		v.maxLength(max, `has more than ${max} ${what}`),
		v.check((list) => new Set(list).size === list.length, 'lists one twice')
	);

export const penPictureSchema = v.strictObject({
	text: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('must not be empty'),
		v.maxLength(publicationLimits.penPicture, 'is too long')
	),
	/** Members: councillor roles held. */
	roles: uniqueList(v.picklist(councillorRoles, 'is not a role'), publicationLimits.roles, 'roles'),
	/** Officers: level and service area. */
	level: v.nullable(v.picklist(officerLevels, 'is not a level')),
	serviceArea: optionalEntry,
	/** Members: political group, from the scheme's list. */
	group: optionalEntry,
	areas: v.pipe(
		uniqueList(entry, publicationLimits.areas, 'areas'),
		v.minLength(1, 'must name at least one area')
	),
	yearsExperience: v.pipe(
		v.number(),
		v.integer('must be a whole number'),
		v.minValue(0, 'must not be negative'),
		v.maxValue(publicationLimits.years, 'is too large')
	),
	capacity: v.pipe(
		v.number(),
		v.integer('must be a whole number'),
		v.minValue(0, 'must not be negative'),
		v.maxValue(publicationLimits.capacity, 'is too large')
	),
	/** Optional and self-described. */
	gender: v.nullable(
		v.pipe(
			v.string(),
			v.trim(),
			v.nonEmpty('must not be empty'),
			v.maxLength(publicationLimits.gender, 'is too long')
		)
	),
	/** A member who has stepped down: the day they did. */
	formerMemberSince: v.nullable(wireDay)
});
export type PenPicture = v.InferOutput<typeof penPictureSchema>;

const preference = <T extends v.GenericSchema>(value: T) =>
	v.nullable(v.strictObject({ value, strength }));

export const needsSchema = v.strictObject({
	summary: v.pipe(v.string(), v.trim(), v.maxLength(publicationLimits.needsSummary, 'is too long')),
	/** Most wanted first. */
	areas: v.pipe(
		uniqueList(entry, publicationLimits.rankedAreas, 'areas'),
		v.minLength(1, 'must name at least one area')
	),
	level: v.nullable(v.picklist(officerLevels, 'is not a level')),
	serviceArea: optionalEntry,
	group: optionalEntry,
	preferences: v.strictObject({
		gender: preference(
			v.pipe(
				v.string(),
				v.trim(),
				v.nonEmpty('must not be empty'),
				v.maxLength(publicationLimits.gender, 'is too long')
			)
		),
		role: preference(roleOrLevel),
		experience: preference(
			v.pipe(
				v.number(),
				v.integer('must be a whole number'),
				v.minValue(1, 'must be at least 1'),
				v.maxValue(publicationLimits.years, 'is too large')
			)
		)
	}),
	avoid: v.strictObject({
		/** Names as the person knows them; the server looks them up among the scheme's mentors. */
		lineManager: optionalEntry,
		people: uniqueList(entry, publicationLimits.avoidPeople, 'people'),
		ownGroup: v.boolean()
	}),
	/**
	 * The mentee's own gender, optional and self-described: for the scheme's equality figures
	 * only (never shown to a mentor, never matched on). Needs published before it existed lack it.
	 */
	gender: v.optional(
		v.nullable(
			v.pipe(
				v.string(),
				v.trim(),
				v.nonEmpty('must not be empty'),
				v.maxLength(publicationLimits.gender, 'is too long')
			)
		),
		null
	)
});
export type Needs = v.InferOutput<typeof needsSchema>;

/** What the device sends: the publication and the time it was written, so a late retry loses. */
export const publishPenPictureSchema = v.strictObject({
	writtenAt: wireTimestamp,
	penPicture: penPictureSchema
});
export const publishNeedsSchema = v.strictObject({
	writtenAt: wireTimestamp,
	needs: needsSchema
});

/** A mentee's or mentor's answer to a proposal. */
export const proposalAnswerSchema = v.variant('answer', [
	v.strictObject({ answer: v.literal('accept') }),
	v.strictObject({
		answer: v.literal('decline'),
		reason: v.picklist(declineReasons, 'is not a reason')
	})
]);
export type ProposalAnswer = v.InferOutput<typeof proposalAnswerSchema>;

/** The scheme's lists a device needs to write a pen picture or needs (part of participation). */
export const schemeMatchingInfoSchema = v.object({
	audience: v.picklist(audiences),
	areas: v.array(v.string()),
	serviceAreas: v.array(v.string()),
	groups: v.array(v.string()),
	genderPreferences: v.boolean(),
	ownGroupExclusion: v.boolean()
});
export type SchemeMatchingInfo = v.InferOutput<typeof schemeMatchingInfoSchema>;

/**
 * A proposal waiting on this person's answer. A mentee sees the mentor's pen picture; a mentor,
 * asked after the mentee has accepted, sees the mentee's needs.
 */
export const proposalForDeviceSchema = v.object({
	id: v.pipe(v.string(), v.uuid()),
	/** Whose answer the proposal waits on: always this device's owner. */
	stage: v.picklist(['mentee', 'mentor']),
	respondBy: v.pipe(v.string(), v.isoTimestamp()),
	mentor: v.object({ name: v.string(), penPicture: v.nullable(penPictureSchema) }),
	mentee: v.object({ name: v.string(), needs: v.nullable(needsSchema) })
});
export type ProposalForDevice = v.InferOutput<typeof proposalForDeviceSchema>;

/** When the scheme last received each publication from this person (null: none held). */
export const publishedStateSchema = v.object({
	penPictureAt: v.nullable(v.pipe(v.string(), v.isoTimestamp())),
	needsAt: v.nullable(v.pipe(v.string(), v.isoTimestamp()))
});
export type PublishedState = v.InferOutput<typeof publishedStateSchema>;
