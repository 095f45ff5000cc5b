import { defineConfig } from "tsup"

export default defineConfig({
  entry: { index: "src/index.ts", rules: "src/public/rules.ts", store: "src/public/store.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  tsconfig: "tsconfig.build.json"
})
