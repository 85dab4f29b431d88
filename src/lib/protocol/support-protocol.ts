import * as v from 'valibot';
import { supportKinds, supportStatuses, supportUrgencies } from '$lib/domain/support';
import { wireId, wireTimestamp } from './wire-fields';

/**
 * A mentor's request for support or supervision: what kind, how urgent, when. It carries no
 * words of the mentor's, by design.
 */
export const supportRequestSchema = v.strictObject({
	/** Chosen on the device: a retried request is stored once. */
	id: wireId,
	kind: v.picklist(supportKinds, 'is not a kind of support'),
	urgency: v.picklist(supportUrgencies, 'is not an urgency'),
	requestedAt: wireTimestamp
});
export type SupportRequestInput = v.InferOutput<typeof supportRequestSchema>;

/** A request as the device hears back about it (part of participation). */
export const supportRequestForDeviceSchema = v.object({
	id: v.pipe(v.string(), v.uuid()),
	kind: v.picklist(supportKinds),
	urgency: v.picklist(supportUrgencies),
	requestedAt: v.pipe(v.string(), v.isoTimestamp()),
	status: v.picklist(supportStatuses),
	/** The coordinator's reply: when and how they will be in touch. */
	reply: v.nullable(v.string()),
	answeredAt: v.nullable(v.pipe(v.string(), v.isoTimestamp()))
});
export type SupportRequestForDevice = v.InferOutput<typeof supportRequestForDeviceSchema>;
