export const roles = ['mentee', 'mentor'] as const;
export type Role = (typeof roles)[number];

export const languages = ['en', 'cy'] as const;
export type Language = (typeof languages)[number];

/** The person using this device. There is one profile per device. */
export interface Profile {
	id: 'me';
	role: Role;
	name: string;
	language: Language;
	/** The pair whose agenda, goals and sessions the screens show. */
	currentPairId: string | null;
	createdAt: string;
	updatedAt: string;
}
