import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { generate, memberChunks, planWorld, provinceScale, scaleDown, seedStore } from "../src/index.js"
import { memberKind, organizationKind, Store } from "./support/core.js"

const run = <A, E>(program: Effect.Effect<A, E, Store>) => Effect.runPromise(program.pipe(Effect.provide(MemoryStore.layer())))

describe("seedStore", () => {
  it(
    "writes a generated school into a store; running it again writes nothing twice",
    async () => {
      const world = generate({ scale: "school", seed: 1 })
      const [first, again, organizations, members] = await run(
        Effect.gen(function* () {
          const store = yield* Store
          const first = yield* seedStore(world, { batchSize: 25 })
          const again = yield* seedStore(world, { batchSize: 25 })
          return [first, again, yield* store.list(organizationKind, world.tenantId), yield* store.list(memberKind, world.tenantId)] as const
        })
      )
      expect(first).toEqual({ organizations: 6, members: 60, batches: 4, applied: 4 })
      expect(again.applied).toBe(0)
      expect(organizations.map((o) => o.id).sort()).toEqual(world.organizations.map((o) => o.id).sort())
      expect(members).toHaveLength(60)
      expect(members.find((m) => m.id === world.members[0]!.id)).toEqual(world.members[0])
    },
    120_000
  )

  it(
    "streams members from memberChunks without holding them all",
    async () => {
      const plan = planWorld({ scale: scaleDown(provinceScale, 200), seed: 2 })
      const members = (function* () {
        for (const chunk of memberChunks(plan, 200)) yield* chunk
      })()
      const result = await run(seedStore({ tenantId: plan.tenantId, organizations: plan.committees, members }, { batchSize: 300 }))
      expect(result.members).toBe(plan.branches.reduce((n, b) => n + b.partyMembers + b.pipeline.applicants + b.pipeline.activists + b.pipeline.candidates, 0))
      expect(result.applied).toBe(result.batches)
    },
    120_000
  )
})
