import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  // No window.__svelte version marker: it tells every page what runtime it runs, and costs each chunk an import.
  compilerOptions: { discloseVersion: false },
  kit: {
    // Fully prerendered static site: no server code at all.
    adapter: adapter({
      pages: 'build',
      assets: 'build',
      fallback: undefined,
      precompress: false,
      strict: true,
    }),
    prerender: {
      // The teaching pages are linked from no prerendered page yet: named here so they are built.
      entries: ['*', '/learn', '/lab', '/compare'],
      handleHttpError: 'fail',
      handleMissingId: 'fail',
    },
    // Delivered as a <meta http-equiv> tag in each prerendered page, so directives that
    // only work as a header (frame-ancestors, report-uri, sandbox) are left out.
    // 'hash' because there is no server to hand out nonces.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'connect-src': ['self'],
        'img-src': ['self', 'data:'],
        'style-src': ['self', 'unsafe-inline'],
        'worker-src': ['self', 'blob:'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'form-action': ['none'],
      },
    },
    typescript: {
      // The generated .svelte-kit/tsconfig.json covers src/ and tests/; add the CLI launcher.
      config: (tsconfig) => {
        tsconfig.include.push('../bin/**/*.js');
      },
    },
  },
};

export default config;
