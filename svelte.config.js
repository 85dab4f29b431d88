import adapter from './server/adapter.js';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ precompress: true }),
		// The PWA plugin registers the service worker through workbox-window.
		serviceWorker: { register: false },
		// Open tabs learn of a new deploy and do a full reload on their next navigation.
		version: { pollInterval: 5 * 60 * 1000 },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// The QR code reader is ZXing compiled to WebAssembly (our own file, precached);
				// compiling it needs this and nothing broader: no eval of JavaScript.
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'frame-ancestors': ['none'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
