import { defineConfig } from '@playwright/test';
import { chromiumArgs, executablePath } from './scripts/chromium.js';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		locale: 'en-GB',
		timezoneId: 'Europe/London',
		serviceWorkers: 'allow',
		acceptDownloads: true,
		launchOptions: { executablePath, args: chromiumArgs }
	}
});
