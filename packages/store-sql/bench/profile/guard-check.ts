import { coreRecordKinds, memberKind } from "@zhibu/core/store"
import * as Schema from "effect/Schema"
import { recordGuard } from "../../../core/src/store/record-guard.js"
import { decodeStored } from "../../../core/src/store/record-check.js"
import { worldAt } from "../support/databases.js"
for (const k of coreRecordKinds) console.log(k.name.padEnd(24), recordGuard(k.schema) === null ? "no guard" : "guard")
const world = worldAt("county")
const jsons = world.members.map((m) => JSON.stringify({ ...m, version: 1 }))
const g = recordGuard(memberKind.schema)!
const strict = Schema.is(memberKind.schema as any, { exact: true, onExcessProperty: "error" })
let agree = 0
for (const j of jsons) { const x = JSON.parse(j); if (g(x) === strict(x)) agree++ }
console.log("agree", agree, "of", jsons.length, "guard accepts", jsons.filter((j) => g(JSON.parse(j))).length)
const time = (name: string, f: (j: string) => unknown) => {
  for (let r = 0; r < 3; r++) {
    const t = performance.now()
    for (let k = 0; k < 5; k++) for (const j of jsons) f(j)
    if (r === 2) console.log(name.padEnd(40), (((performance.now() - t) * 1000) / (5 * jsons.length)).toFixed(2), "µs/member")
  }
}
time("JSON.parse", (j) => JSON.parse(j))
time("parse + guard", (j) => g(JSON.parse(j)))
time("parse + decodeStored", (j) => decodeStored(memberKind, JSON.parse(j)))
