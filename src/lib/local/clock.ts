/** Where repositories get the time from, so tests can fix it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
