/**
 * A mentor asks the coordinator for support or supervision with one tap. No words travel:
 * only that help is wanted, of which kind, and how soon.
 */
export const supportKinds = ['support', 'supervision'] as const;
export type SupportKind = (typeof supportKinds)[number];

export const supportUrgencies = ['when-convenient', 'this-week', 'urgent'] as const;
export type SupportUrgency = (typeof supportUrgencies)[number];

/** open: waiting on the coordinator; answered: the coordinator replied; cancelled: by the mentor. */
export const supportStatuses = ['open', 'answered', 'cancelled'] as const;
export type SupportStatus = (typeof supportStatuses)[number];

/** The coordinator's reply is a line or two: when and how they will be in touch. */
export const supportReplyMax = 500;
