/** `$env/dynamic/private` outside SvelteKit: adapter-node reads the same process environment. */
export const env: Record<string, string | undefined> = process.env;
