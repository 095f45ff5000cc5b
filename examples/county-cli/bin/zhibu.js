#!/usr/bin/env node
// The `zhibu` command that npm links into node_modules/.bin: it runs the build, dist/zhibu.js.
// This file is committed so that `npm ci` links the command before anything is built.
import { existsSync } from "node:fs"

const built = new URL("../dist/zhibu.js", import.meta.url)
if (!existsSync(built)) {
  process.stderr.write(
    "zhibu: 命令尚未构建，请先运行 npm run build --workspace=@zhibu/example-county-cli — " +
      "the command is not built yet: run npm run build --workspace=@zhibu/example-county-cli first\n"
  )
  process.exit(3)
}
await import(built.href)
