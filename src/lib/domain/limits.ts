/** Lengths that keep records readable and storage bounded; forms say so before saving. */
export const limits = {
	title: 200,
	name: 80,
	place: 200,
	tag: 40,
	tags: 12,
	shortText: 2_000,
	longText: 20_000,
	sessionMinutes: { min: 5, max: 600 },
	/**
	 * Every date and time a person enters or a device sends falls in these years: a phone whose
	 * clock says 9999 must not stamp records no later one can ever follow.
	 */
	years: { min: 2000, max: 2099 },
	milestones: 30,
	/** Coordinator passwords; better-auth is given the same limits. */
	password: { min: 10, max: 128 },
	/**
	 * A backup passphrase guards a backup that anyone holding the server's copy could try
	 * guesses against, so it is longer than a password.
	 */
	passphrase: { min: 12, max: 1_024 }
} as const;
