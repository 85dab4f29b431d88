import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Fails with every axe violation on the page, named by screen, rule and element. */
export async function expectNoViolations(page: Page, screen: string): Promise<void> {
	// The app has no frames, so axe.run in the page does the whole scan; the default
	// frame-by-frame run opens a blank page to finish each scan, which halves the speed.
	// Passes and incomplete results are not needed in full, only the violations.
	const results = await new AxeBuilder({ page })
		.setLegacyMode()
		.options({ resultTypes: ['violations'] })
		.analyze();
	const summary = results.violations.map(
		(v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(summary).toEqual([]);
}

/** Opens every <details> so what they hide is scanned too. */
export async function openAllDetails(page: Page): Promise<void> {
	await page
		.locator('details')
		.evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

/** Moves focus with Tab alone until it reaches the target; fails if it never does. */
export async function tabTo(page: Page, name: string, limit = 60): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
			return (label ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
		});
		if (focused === name) return;
	}
	throw new Error(`Tab never reached ${name}`);
}

/** Moves focus with Tab alone until this element has it; fails if it never does. */
export async function tabToElement(page: Page, target: Locator, limit = 80): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error('Tab never reached the element');
}
