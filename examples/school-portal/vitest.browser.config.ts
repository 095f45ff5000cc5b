import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

/**
 * The portal's browser tests: Debian's Chromium driven by playwright-core against the app started as
 * `npm start` starts it. Not part of `npm test` (which needs no browser): run them with
 * `npm run test:browser`. A missing browser fails the run; it is never skipped.
 */
export default defineConfig({
  ssr: { resolve: { conditions: ["@zhibu/source", "module", "node", "development|production"] } },
  test: {
    name: "school-portal-browser",
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["browser/**/*.browser.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false
  }
})
