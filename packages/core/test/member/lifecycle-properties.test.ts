import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { addDays, type CivilDate } from "../../src/calendar/civil-date.js"
import { effectiveDate, fileState, nextSteps } from "../../src/member/file-state.js"
import { recordStep } from "../../src/member/lifecycle.js"
import { Member } from "../../src/member/member.js"
import { deriveStage } from "../../src/member/stage.js"
import type { StepId } from "../../src/member/step.js"
import { allSteps, type Choice, choiceArb, probationary, recordFor, startArb } from "./commands.js"
import { blank, ctx, path2014, path2026, profile, step, walk } from "./fixtures.js"

const TODAY = "2036-12-31"
const people = [...ctx(TODAY).people, probationary]
const sequenceArb = fc.tuple(startArb, fc.array(choiceArb, { minLength: 10, maxLength: 80, size: "max" }))

/**
 * Plays a random command sequence against the lifecycle: each command picks a step (mostly one the
 * chart allows next) some days after the last one. `observe` sees every accepted step.
 */
const play = (start: CivilDate, choices: ReadonlyArray<Choice>, observe: (before: Member, after: Member, stepId: StepId) => void) => {
  let member = blank()
  let last = start
  for (const c of choices) {
    const state = fileState(member, profile)
    const next = nextSteps(state)
    const stepId = c.anyStep || next.length === 0 ? allSteps[c.pick % allSteps.length]! : next[c.pick % next.length]!
    last = addDays(state.lastDate ?? last, c.days)
    const result = recordStep(member, step(recordFor(stepId, last, c)), ctx(TODAY, { people }))
    if (Either.isLeft(result)) {
      expect(profile.rules.has(result.left.ruleId)).toBe(true)
      continue
    }
    observe(member, result.right, stepId)
    member = result.right
  }
}

const approved = (member: Member, id: StepId) => member.steps.some((s) => s.step === id && s.decision?.outcome === "approved")

describe("lifecycle laws over random command sequences", () => {
  it("no sequence reaches an invalid state: stage = derived stage, dates never go backwards, probationary ⇒ approved admission, full ⇒ approved conversion", () => {
    fc.assert(
      fc.property(sequenceArb, ([start, choices]) =>
        play(start, choices, (_, member) => {
          expect(member.stage).toBe(deriveStage(member, profile))
          const dates = member.steps.map(effectiveDate)
          for (let i = 1; i < dates.length; i++) expect(member.steps[i]!.date >= dates[i - 1]!).toBe(true)
          for (const s of member.steps) expect(s.date <= TODAY).toBe(true)
          if (member.stage === "probationary" || member.stage === "full") expect(approved(member, "admissionApproval")).toBe(true)
          if (member.stage === "full") expect(approved(member, "conversionApproval")).toBe(true)
          if (member.status === "closed") expect(member.steps.at(-1)?.step).toBe("admissionApproval")
          expect(["active", "closed", "probationCancelled"]).toContain(member.status)
          expect(Either.isRight(Schema.decodeUnknownEither(Member)(Schema.encodeSync(Member)(member)))).toBe(true)
        })
      )
    )
  })

  it("the stage never goes back, except to activist when the higher committee refuses a candidate", () => {
    const rank = { applicant: 0, activist: 1, candidate: 2, probationary: 3, full: 4 } as const
    fc.assert(
      fc.property(sequenceArb, ([start, choices]) =>
        play(start, choices, (before, after, stepId) => {
          if (before.steps.length > 0 && stepId !== "candidateApproval") expect(rank[after.stage]).toBeGreaterThanOrEqual(rank[before.stage])
        })
      )
    )
  })
})

describe("Member Schema", () => {
  it.prop("round-trip: decode(encode(member)) equals the member", [Arbitrary.make(Member)], ([m]) => {
    expect(Schema.decodeSync(Member)(Schema.encodeSync(Member)(m))).toEqual(m)
  })

  it("files built by the lifecycle round-trip through the Schema", () => {
    for (const m of [walk(path2026), walk(path2014)]) expect(Schema.decodeSync(Member)(Schema.encodeSync(Member)(m))).toEqual(m)
  })
})
