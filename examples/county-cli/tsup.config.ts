import { defineConfig } from "tsup"

/**
 * The built command, `dist/zhibu.js`: one ESM file for Node 20 with a shebang. The @zhibu packages
 * are bundled from their source (the `@zhibu/source` export condition), so the command runs without
 * building the packages first; every other dependency (effect, kysely, the database drivers,
 * exceljs, commander…) stays an import resolved from node_modules at run time.
 */
export default defineConfig({
  entry: { zhibu: "src/zhibu.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  dts: false,
  splitting: false,
  banner: { js: "#!/usr/bin/env node" },
  noExternal: [/^@zhibu\//],
  external: [/^(?!@zhibu\/)[^./]/],
  esbuildOptions(options) {
    options.conditions = ["@zhibu/source"]
  }
})
