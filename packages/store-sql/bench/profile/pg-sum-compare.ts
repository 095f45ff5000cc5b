/**
 * The province's compliance from PostgreSQL with the aggregate's sums added as `bigint` (numeric
 * results) and as `double precision` (`DialectTraits.sumAs`), alternating in one process:
 * `PG_URL=… bench/profile/run.sh bench/profile/pg-sum-compare.ts province 5`.
 */
import { meetingService, nationalBaseline, weekdayCalendar } from "@zhibu/core"
import { Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { createHash } from "node:crypto"
import { dialectTraits } from "../../src/dialect.js"
import { postgresBench } from "../support/databases.js"

const scale = process.argv[2] ?? "province"
const rounds = Number(process.argv[3] ?? 5)
const pg = (await postgresBench())!
const root = scale === "province" ? "province" : "county"
const ctx = { tenantId: `bench-reports-${scale}-v1` as never, actor: { personId: "p" as never, roles: [{ role: "higherOrganizer" as const, organizationId: root as never }] }, now: new Date("2026-01-05T02:00:00Z"), profile: nationalBaseline, workdays: weekdayCalendar }
const traits = dialectTraits.postgres as { sumAs: string | null }
const sides = { numeric: null, "double precision": "double precision" } as const
const times: Record<string, Array<number>> = { numeric: [], "double precision": [] }
const digest: Record<string, string> = {}
for (let i = 0; i < rounds; i++) {
  const order = i % 2 === 0 ? (["numeric", "double precision"] as const) : (["double precision", "numeric"] as const)
  for (const side of order) {
    traits.sumAs = sides[side]
    const t = performance.now()
    const result = await Effect.runPromise(meetingService.compliance(ctx, { organizationId: root, view: "year", on: "2025-06-01" }).pipe(Effect.provideService(Store, pg.store)))
    times[side]!.push(performance.now() - t)
    digest[side] = createHash("sha256").update(JSON.stringify(result)).digest("hex").slice(0, 16)
  }
}
const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
for (const [side, xs] of Object.entries(times)) console.log(`${side}: median ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(", ")}); answer ${digest[side]}`)
await pg.close()
