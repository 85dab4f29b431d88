import type { SvelteKitPWAOptions } from '@vite-pwa/sveltekit';

/** What the browser needs to install Tandem as an app. */
export const webManifest: SvelteKitPWAOptions['manifest'] = {
	name: 'Tandem: mentoring pairs',
	short_name: 'Tandem',
	description: 'Journal, goals, agenda, sessions and wins for a mentoring pair. Works offline.',
	lang: 'en',
	start_url: '/',
	scope: '/',
	display: 'standalone',
	orientation: 'portrait',
	background_color: '#ffffff',
	theme_color: '#1f5f5b',
	icons: [
		{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
		{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
		{
			src: '/icons/icon-maskable-512.png',
			sizes: '512x512',
			type: 'image/png',
			purpose: 'maskable'
		}
	]
};
