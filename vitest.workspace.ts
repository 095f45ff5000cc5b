import { defineConfig } from "vitest/config"

/** Tests resolve sibling packages from source through the `@zhibu/source` export condition. */
const conditions = ["@zhibu/source", "module", "node", "development|production"]

export default defineConfig({
  ssr: { resolve: { conditions } },
  test: {
    // No test may fail because the machine is slow or busy (a cold first run on 2 busy cores):
    // every test gets two minutes; property tests also bound their runs explicitly.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "core", root: "./packages/core", include: ["test/**/*.test.ts"] } },
      { extends: true, test: { name: "calendar-cn", root: "./packages/calendar-cn", include: ["test/**/*.test.ts"] } },
      { extends: true, test: { name: "io", root: "./packages/io", include: ["test/**/*.test.ts"] } },
      { extends: true, test: { name: "store-memory", root: "./packages/store-memory", include: ["test/**/*.test.ts"] } },
      { extends: true, test: { name: "testing", root: "./packages/testing", include: ["test/**/*.test.ts"] } },
      { extends: true, test: { name: "store-sql", root: "./packages/store-sql", include: ["test/**/*.test.ts"] } },
      { extends: true, test: { name: "quick-start", root: "./examples/quick-start", include: ["test/**/*.test.ts"] } },
      { extends: true, test: { name: "school-portal", root: "./examples/school-portal", include: ["test/**/*.test.ts"] } },
      { extends: true, test: { name: "county-cli", root: "./examples/county-cli", include: ["test/**/*.test.ts"] } }
    ]
  }
})
