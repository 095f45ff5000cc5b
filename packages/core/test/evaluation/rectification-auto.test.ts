import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { checklistScoreKind, democraticEvaluationKind, rectificationItemKind } from "../../src/evaluation/kinds.js"
import { raisedItemId } from "../../src/evaluation/rectification-auto.js"
import { evaluationService } from "../../src/evaluation/service.js"
import { democraticEvaluationId } from "../../src/evaluation/service-democratic.js"
import type { DemocraticStepInput } from "../../src/evaluation/service-inputs.js"
import { nationalBaseline } from "../../src/national-profile.js"
import type { Organization } from "../../src/org/organization.js"
import { applyOverride } from "../../src/profile/override.js"
import { Store } from "../../src/store/port.js"
import { ctxFor, failsUnchanged, members, run, secretary, seedWith, TENANT } from "../dues/fixtures.js"
import { schoolTree } from "../support/records.js"

const AUTO = "evaluation.rectification.automatic"
const b1 = { organizationId: "b1", year: 2026 }
const step = (expectedVersion: number, s: DemocraticStepInput["step"], date: string, by?: DemocraticStepInput["by"]): DemocraticStepInput => ({ ...b1, expectedVersion, step: s, date, ...(by === undefined ? {} : { by }) })
/** b1 with m1 as its secretary. */
const tree: ReadonlyArray<Organization> = schoolTree.map((o) => (o.id === "b1" ? ({ ...o, leadership: { ...o.leadership, secretaryId: "m1" } } as Organization) : o))
const items = Effect.flatMap(Store, (store) => store.list(rectificationItemKind, TENANT))

const determined = (profile = nationalBaseline) =>
  Effect.gen(function* () {
    const ctx = ctxFor(secretary, undefined, profile)
    yield* seedWith(tree, members)
    yield* evaluationService.openDemocratic(ctx, { ...b1, preparedOn: "2026-11-01" })
    yield* evaluationService.recordDemocraticStep(ctx, step(1, "selfAndMutual", "2026-11-05"))
    yield* evaluationService.recordDemocraticStep(ctx, step(2, "rating", "2026-11-10"))
    yield* evaluationService.recordGrades(ctx, {
      ...b1,
      expectedVersion: 3,
      grades: [
        { memberId: "m1", grade: "excellent" },
        { memberId: "m2", grade: "qualified" },
        { memberId: "m3", grade: "unqualified" },
        { memberId: "p1", grade: "basicallyQualified" }
      ]
    })
    return yield* evaluationService.recordDemocraticStep(ctx, step(4, "determination", "2026-11-12", "committee"))
  })

describe("evaluation.rectification.automatic: a 基本合格 / 不合格 determination raises rectification items", () => {
  it.effect("one item per member so graded, owned by the member, due at most one year after the determination (限期改正)", () =>
    run(
      Effect.gen(function* () {
        const cycle = yield* determined()
        expect(cycle.version).toBe(5)
        const raised = yield* items
        expect(raised.map((i) => [i.id, i.origin, i.ownerId, i.raisedOn, i.deadline, i.measure]).sort()).toEqual([
          [raisedItemId(cycle.id, "m3"), "evaluation", "m3", "2026-11-12", "2027-11-12", null],
          [raisedItemId(cycle.id, "p1"), "evaluation", "p1", "2026-11-12", "2027-11-12", null]
        ].sort())
        // the determination cannot be recorded twice, and the refused second one raises nothing
        const again = yield* failsUnchanged([democraticEvaluationKind, rectificationItemKind], evaluationService.recordDemocraticStep(ctxFor(secretary), step(5, "determination", "2026-11-13", "committee")))
        expect(again._tag).toBe("ZhibuEvaluationRejected")
        const ledger = yield* evaluationService.rectificationLedger(ctxFor(secretary), b1)
        expect(ledger.items.map((i) => i.status)).toEqual(["raised", "raised"])
      })
    )
  )

  it.effect("an item already on file for the member is not raised again (idempotent by derived id)", () =>
    run(
      Effect.gen(function* () {
        const id = raisedItemId(democraticEvaluationId("b1", 2026), "m3")
        yield* seedWith(tree, members)
        // raised by hand before the determination (after a talk): the automatic one keeps it
        yield* evaluationService.raiseIssue(ctxFor(secretary), { id, organizationId: "b1", raisedOn: "2026-11-11", origin: "evaluation", issue: "m3 谈话后列入整改" })
        const ctx2 = ctxFor(secretary)
        yield* evaluationService.openDemocratic(ctx2, { ...b1, preparedOn: "2026-11-01" })
        yield* evaluationService.recordDemocraticStep(ctx2, step(1, "selfAndMutual", "2026-11-05"))
        yield* evaluationService.recordDemocraticStep(ctx2, step(2, "rating", "2026-11-10"))
        yield* evaluationService.recordGrades(ctx2, { ...b1, expectedVersion: 3, grades: ["m1", "m2", "m3", "p1"].map((memberId) => ({ memberId, grade: memberId === "m3" ? ("unqualified" as const) : ("qualified" as const) })) })
        yield* evaluationService.recordDemocraticStep(ctx2, step(4, "determination", "2026-11-12", "committee"))
        const raised = yield* items
        expect(raised.map((i) => [i.id, i.issue])).toEqual([[id, "m3 谈话后列入整改"]])
      })
    )
  )

  it.effect("the profile sets the owner and a shorter correction period; it cannot exceed the follow-up rule's year", () =>
    run(
      Effect.gen(function* () {
        const local = Either.getOrThrow(
          applyOverride(nationalBaseline, { id: "x", name: { zh: "某县", en: "X" }, document: "《某县整改办法》", effectiveFrom: "2020-01-01", rules: { [AUTO]: { correctionMonths: 6, evaluationOwner: "secretary" } } })
        )
        yield* determined(local)
        const raised = yield* items
        expect([...new Set(raised.map((i) => `${i.ownerId} ${i.deadline}`))]).toEqual(["m1 2027-05-12"])
        expect(Either.isLeft(applyOverride(nationalBaseline, { id: "y", name: { zh: "y", en: "y" }, document: "y", effectiveFrom: "2020-01-01", rules: { [AUTO]: { correctionMonths: 13 } } }))).toBe(true)
      })
    )
  )

  it.effect("turned off by the profile, a determination raises nothing", () =>
    run(
      Effect.gen(function* () {
        const off = Either.getOrThrow(applyOverride(nationalBaseline, { id: "x", name: { zh: "x", en: "x" }, document: "x", effectiveFrom: "2020-01-01", rules: { [AUTO]: { fromDemocraticEvaluation: false } } }))
        yield* determined(off)
        expect(yield* items).toEqual([])
      })
    )
  )
})

describe("evaluation.rectification.automatic: a checklist item below standard raises an item", () => {
  it.effect("below 60 % of its maximum raises one (owned by the secretary, due in three months); at 60 % it does not; scoring again raises no second", () =>
    run(
      Effect.gen(function* () {
        yield* seedWith(tree, members)
        const ctx = ctxFor(secretary)
        // teamBuilding max 20: 11 is below 60 % (12); venue max 10: 6 is exactly 60 %
        const first = yield* evaluationService.recordChecklist(ctx, {
          ...b1,
          scoredOn: "2026-11-01",
          items: [{ itemId: "teamBuilding", score: 11, evidence: ["支委会记录"] }, { itemId: "venue", score: 6, evidence: ["照片"] }]
        })
        const id = raisedItemId(first.score.id, "teamBuilding")
        expect(first.raised.map((i) => [i.id, i.origin, i.ownerId, i.raisedOn, i.deadline])).toEqual([[id, "inspection", "m1", "2026-11-01", "2027-02-01"]])
        const second = yield* evaluationService.recordChecklist(ctx, {
          ...b1,
          expectedVersion: 1,
          scoredOn: "2026-11-02",
          items: [{ itemId: "teamBuilding", score: 11, evidence: ["支委会记录"] }, { itemId: "venue", score: 5, evidence: ["照片"] }]
        })
        expect(second.raised.map((i) => i.id)).toEqual([raisedItemId(first.score.id, "venue")])
        expect((yield* items).length).toBe(2)
      })
    )
  )

  it.effect("a refused scoring raises nothing", () =>
    run(
      Effect.gen(function* () {
        yield* seedWith(tree, members)
        const refused = yield* failsUnchanged(
          [checklistScoreKind, rectificationItemKind],
          evaluationService.recordChecklist(ctxFor(secretary), { ...b1, scoredOn: "2026-11-01", items: [{ itemId: "teamBuilding", score: 1, evidence: ["x"] }, { itemId: "venue", score: 11, evidence: ["x"] }] })
        )
        expect(refused._tag).toBe("ZhibuEvaluationRejected")
      })
    )
  )
})
