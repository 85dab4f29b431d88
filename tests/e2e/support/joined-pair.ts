import type { Page } from '@playwright/test';
import type { AppServer } from './app-server';
import { schemeWithPair } from './coordinator';
import { joinThroughApi } from './device-api';

/** A scheme with a pair, through the real pages, and the mentee's device joined through the API. */
export async function joinedMentee(page: Page, app: AppServer) {
	const { mentee } = await schemeWithPair(page, app);
	const authorization = await joinThroughApi(app, mentee.code);
	const participation = await fetch(app.url('/api/v1/participation'), {
		headers: { authorization }
	});
	const { pairs } = (await participation.json()) as { pairs: { id: string }[] };
	return { authorization, pairId: pairs[0]!.id };
}

/** A valid progress report for the pair, with a fresh upload id. */
export function progressReport(pair: string, uploadId: string = crypto.randomUUID()) {
	return {
		uploadId,
		version: 1,
		generatedAt: new Date().toISOString(),
		pair,
		sessionsHeld: [{ on: '2026-06-01', minutes: 60 }],
		sessionsScheduled: 1,
		agendaItemsRaised: 2,
		agendaItemsDiscussed: 1,
		goalsSet: 1,
		goalsAchieved: 0,
		goalsDropped: 0,
		actionsOpen: 1,
		actionsDone: 0,
		winsByWeek: [{ week: '2026-W23', wins: 1 }],
		agreementOn: null,
		lastActivityOn: '2026-06-01'
	};
}
