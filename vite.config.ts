import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { webManifest } from './src/lib/pwa/web-manifest';

const appShell = new RegExp(
	[
		'/node_modules/(dexie|date-fns)/',
		// Named, not matched by folder: a group takes every match in the client graph, so the
		// coordinator pages' words and rules would otherwise ride along on every first screen.
		'/src/lib/paraglide/runtime',
		'/src/lib/i18n/(format|problem-text|goal-text|session-text|journal-prompt-text)',
		// Loaded on first use: export and import, backups, linking a pair, merging what arrives,
		// the board, check-ins and requests for support.
		'/src/lib/local/(?!data-transfer|backup-snapshot|pair-channel-link|pair-arrivals|board|survey|support|rows/|outbox/|pair-linking)',
		// The matching engine and its coordinator-side inputs never run on a device's first screen.
		// The board's, check-ins' and support's rules load with their screens (or the coordinator
		// pages), not before.
		'/src/lib/domain/(?!form-inputs|validation|export-file|session-calendar|scheme-inputs|stalling|backup-passphrase|matching|small-groups|board|milestones|survey|support|report)',
		'/src/lib/state/(workspace|toasts|form-state|live-query)',
		'/src/lib/components/(AppNav|PairSwitcher|Toasts|UpdatePrompt|Field|FormError|ActionRow|WinForm)'
	].join('|')
);

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The app is a static shell: its choice lives on the device. The cookie carries the same
			// choice to the server-rendered coordinator pages.
			strategy: ['localStorage', 'cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit(),
		SvelteKitPWA({
			strategies: 'generateSW',
			registerType: 'prompt',
			// src/lib/pwa/update-prompt registers the worker through workbox-window.
			injectRegister: false,
			manifest: webManifest,
			workbox: {
				globPatterns: [
					// wasm: the QR code reader, so a phone can scan a partner's code with no network.
					'client/**/*.{js,css,ico,png,svg,webp,woff2,webmanifest,wasm}',
					'prerendered/**/*.html'
				],
				// Every app route is a prerendered shell, so any of them can answer a navigation offline.
				navigateFallback: '/',
				navigateFallbackDenylist: [/^\/api\//, /^\/coordinator/],
				ignoreURLParametersMatching: [/.*/],
				clientsClaim: true,
				cleanupOutdatedCaches: true,
				runtimeCaching: [
					{
						// Where the browser has Background Sync (Chromium), an upload that could not
						// leave is replayed when the connection returns, even with the app closed. The
						// app's own outbox retries as well; the upload id makes the two count once.
						urlPattern: /\/api\/v1\/metrics$/,
						method: 'POST',
						handler: 'NetworkOnly',
						options: {
							backgroundSync: {
								name: 'tandem-progress-reports',
								options: { maxRetentionTime: 7 * 24 * 60 }
							}
						}
					}
				]
			},
			kit: { includeVersionFile: true }
		})
	],
	resolve: {
		alias: [
			{
				// Dexie's package entry wraps its UMD build for CommonJS interop; the app only needs
				// the ES module build, which is about 1 KB (gzip) smaller on the first screen.
				find: /^dexie$/,
				replacement: fileURLToPath(
					new URL('./node_modules/dexie/dist/modern/dexie.min.mjs', import.meta.url)
				)
			}
		]
	},
	build: {
		target: 'es2022',
		rolldownOptions: {
			output: {
				codeSplitting: {
					// Everything every first screen needs goes into one chunk (with the Svelte, SvelteKit
					// and Dexie code it depends on): one request and one gzip context instead of thirty
					// small files, about 4 KB less. Rarely used code stays in chunks loaded on demand.
					groups: [{ name: 'app-shell', test: (id: string) => appShell.test(id) }]
				}
			}
		}
	}
});
