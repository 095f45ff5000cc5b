import { memberKind } from "@zhibu/core/store"
import { recordGuard } from "../../../core/src/store/record-guard.js"
import { worldAt } from "../support/databases.js"
import { profiled } from "./inspect.js"
const world = worldAt("county")
const objs = world.members.map((m) => JSON.parse(JSON.stringify({ ...m, version: 1 })))
const g = recordGuard(memberKind.schema)!
for (let k = 0; k < 20; k++) for (const o of objs) g(o)
await profiled(process.env.PROFILE_DIR, "guard", async () => { const t = performance.now(); for (let k = 0; k < 200; k++) for (const o of objs) g(o); console.log(((performance.now() - t) * 1000 / (200 * objs.length)).toFixed(2), "µs") })
