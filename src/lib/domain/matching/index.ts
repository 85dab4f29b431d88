// The matching engine: pure code, no I/O. Server, device and coordinator import it from here.
export * from './types';
export * from './vocabulary';
export { mentorUnavailability } from './eligibility';
export { hardRuleBetween } from './hard-rules';
export { scorePair } from './pair-score';
export { proposeMatches } from './propose-matches';
export { greedyMatches } from './greedy-matches';
export { mentorChoices, mentorChoicesForMentees } from './mentor-choices';
