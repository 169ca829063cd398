// Svelte compiler options shared by Vite, svelte-check and ESLint.
/** @type {import("@sveltejs/vite-plugin-svelte").SvelteConfig} */
export default {
  compilerOptions: {
    // Every component uses runes; no legacy reactive statements.
    runes: true,
  },
};
