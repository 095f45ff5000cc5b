import { memberKind } from "@zhibu/core/store"
import * as Schema from "effect/Schema"
import * as ParseResult from "effect/ParseResult"
import { worldAt } from "../support/databases.js"

const world = worldAt("county")
const jsons = world.members.map((m) => JSON.stringify({ ...m, version: 1 }))
const schema = memberKind.schema as Schema.Schema<any, any>
const time = (name: string, f: (j: string) => unknown) => {
  for (let r = 0; r < 3; r++) {
    const t = performance.now()
    for (let k = 0; k < 5; k++) for (const j of jsons) f(j)
    const us = ((performance.now() - t) * 1000) / (5 * jsons.length)
    if (r === 2) console.log(name.padEnd(40), us.toFixed(2), "µs/member")
  }
}
const cached = Schema.decodeUnknownEither(schema)
const isM = Schema.is(schema)
const validate = ParseResult.validateEither(schema)
const enc = Schema.encodeUnknownEither(schema)
time("JSON.parse", (j) => JSON.parse(j))
time("parse + decodeUnknownEither (per call)", (j) => Schema.decodeUnknownEither(schema)(JSON.parse(j)))
time("parse + cached decoder", (j) => cached(JSON.parse(j)))
time("parse + Schema.is", (j) => isM(JSON.parse(j)))
time("parse + validateEither", (j) => validate(JSON.parse(j)))
time("parse + encode", (j) => enc(JSON.parse(j)))
const steps = world.members.map((m) => m.steps.length)
console.log("members", jsons.length, "avg steps", steps.reduce((a, b) => a + b, 0) / steps.length, "avg json", jsons.reduce((a, j) => a + j.length, 0) / jsons.length)
