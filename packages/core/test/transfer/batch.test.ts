import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import { memberKind } from "../../src/member/kinds.js"
import { Store } from "../../src/store/port.js"
import { transferService } from "../../src/transfer/transfer-service.js"
import type { MoveBatchInput } from "../../src/transfer/transfer-service-inputs.js"
import { commandAudit, ctxFor, organizer, secretary1, seed, T1 } from "./fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))
const placement = Effect.map(
  Effect.flatMap(Store, (s) => s.list(memberKind, T1)),
  (files) => Object.fromEntries(files.map((m) => [m.id, m.organizationId]))
)

const move = (memberId: string, to: string, n: number) => ({
  memberId,
  toOrganizationId: to,
  letterId: `R-${n}`,
  letterNumber: `轮岗〔2026〕${n}号`,
  duesPaidThrough: "2026-08"
})

/** The summer rotation: seven teachers from b1 to b2, one from b3 to b1. */
const rotation: MoveBatchInput = {
  batchId: "rotation-2026",
  movedOn: "2026-08-25",
  moves: [...["m3", "m4", "m5", "m6", "m7", "m8", "m9"].map((id, i) => move(id, "b2", i + 1)), move("k1", "b1", 8)]
}

describe("transferService.moveBatch: the summer rotation", () => {
  it.effect("applies every move in one batch (two audit entries each) and returns both sides' findings, recomputed", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const result = yield* transferService.moveBatch(ctxFor(organizer), rotation)
        expect(result.applied).toBe(true)
        expect(result.letters.map((l) => l.id)).toEqual(["R-1", "R-2", "R-3", "R-4", "R-5", "R-6", "R-7", "R-8"])
        expect(result.letters.every((l) => l.batchId === "rotation-2026" && l.receivedOn === "2026-08-25")).toBe(true)
        expect((yield* commandAudit()).length).toBe(16)
        const rules = Object.fromEntries(result.findings.map((f) => [f.organizationId, f.findings.map((x) => x.ruleId)]))
        // b1 keeps m1 and m2 and receives k1: 3 full members, exactly the minimum
        expect(rules.b1).not.toContain("org.branch.minimumFullMembers")
        // b2 now has 10 full members: it needs a committee
        expect(rules.b2).toContain("org.branchCommittee.size")
        // b3 keeps 2 full members
        expect(rules.b3).toContain("org.branch.minimumFullMembers")
        expect((yield* placement).k1).toBe("b1")
      })
    )
  )

  it.effect("is idempotent by batch id: a second run writes nothing and answers applied: false with the same letters", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const first = yield* transferService.moveBatch(ctxFor(organizer), rotation)
        const audit = yield* commandAudit()
        const again = yield* transferService.moveBatch(ctxFor(organizer), rotation)
        expect(again.applied).toBe(false)
        expect(again.letters.map((l) => [l.id, l.version])).toEqual(first.letters.map((l) => [l.id, l.version]))
        expect(yield* commandAudit()).toEqual(audit)
      })
    )
  )

  it.effect("is all or nothing: one move of a file not on the roll, to an unknown branch, or twice, refuses the whole batch and stores nothing", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const before = yield* placement
        const bad = [
          [move("zz", "b2", 20), "ZhibuTransferRejected"],
          [move("n3", "b9", 21), "ZhibuNotFound"],
          [move("m3", "b1", 22), "ZhibuTransferRejected"],
          [move("m3", "b3", 23), "ZhibuTransferRejected"]
        ] as const
        for (const [extra, tag] of bad) {
          const error = yield* Effect.flip(transferService.moveBatch(ctxFor(organizer), { ...rotation, moves: [...rotation.moves, extra] }))
          expect(error._tag).toBe(tag)
          expect(yield* placement).toEqual(before)
          expect(yield* commandAudit()).toEqual([])
        }
        // and a branch secretary cannot move members into other branches
        const forbidden = yield* Effect.flip(transferService.moveBatch(ctxFor(secretary1), rotation))
        expect(forbidden._tag).toBe("ZhibuNotFound")
        expect(yield* commandAudit()).toEqual([])
      })
    )
  )

  it("property: a batch of random moves with or without one bad move is applied whole or not at all", async () => {
    const ids = ["m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "n2", "n3", "k2", "k3"]
    const branches = ["b1", "b2", "b3"]
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(...branches), { minLength: 8, maxLength: 8 }),
        fc.option(fc.constantFrom("unknownMember", "unknownBranch", "twice"), { nil: undefined }),
        async (members, targets, bad) => {
          const outcome = await Effect.runPromise(
            run(
              Effect.gen(function* () {
                yield* seed
                const before = yield* placement
                const moves = members.map((id, i) => {
                  const home = before[id]!
                  const to = targets[i] === home ? branches.find((b) => b !== home)! : targets[i]!
                  return move(id, to, i)
                })
                const extra =
                  bad === "unknownMember" ? [move("ghost", "b1", 99)] : bad === "unknownBranch" ? [move("m1", "b9", 99)] : bad === "twice" ? [move(members[0]!, "b1", 98)] : []
                const result = yield* Effect.either(transferService.moveBatch(ctxFor(organizer), { batchId: "p", movedOn: "2026-08-25", moves: [...moves, ...extra] }))
                return { before, after: yield* placement, result, moves, audit: (yield* commandAudit()).length }
              })
            )
          )
          if (bad === undefined) {
            expect(outcome.result._tag).toBe("Right")
            for (const m of outcome.moves) expect(outcome.after[m.memberId]).toBe(m.toOrganizationId)
            expect(outcome.audit).toBe(2 * outcome.moves.length)
          } else {
            expect(outcome.result._tag).toBe("Left")
            expect(outcome.after).toEqual(outcome.before)
            expect(outcome.audit).toBe(0)
          }
        }
      ),
      { numRuns: 40 }
    )
  }, 60_000)
})
