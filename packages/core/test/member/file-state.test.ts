import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
// Effect's own fast-check, the one `Arbitrary.make` builds on.
import * as fc from "effect/FastCheck"
import { CivilDate } from "../../src/calendar/civil-date.js"
import { applyStep, fileState } from "../../src/member/file-state.js"
import { Member } from "../../src/member/member.js"
import { type Decision, type StepId, StepRecord } from "../../src/member/step.js"
import { spreadingApplyStep, spreadingFileState } from "./file-state-model.js"
import { path2014, path2026, profile, walk } from "./fixtures.js"

/** The same state, down to which optional fields are present and the order of the keys. */
const same = (actual: object, expected: object) => {
  expect(actual).toStrictEqual(expected)
  expect(Object.keys(actual)).toEqual(Object.keys(expected))
}

/**
 * The same outcome: the same state, or the same error. An approved extension with no probation
 * to extend (no admission meeting, no entry) fails in both: the lifecycle never records one.
 */
const sameOutcome = (actual: () => object, expected: () => object) => {
  let want: object
  try {
    want = expected()
  } catch (e) {
    expect(actual).toThrow(String((e as Error).message))
    return
  }
  same(actual(), want)
}

const TIMEOUT = 60_000

/**
 * Files whose steps carry the decisions that move the state (approvals, refusals, conversion
 * outcomes approved or not), so that extensions, cancellations and refused candidates come up often.
 */
const decidedMemberArb = fc
  .tuple(
    Arbitrary.make(Member),
    fc.array(
      fc.tuple(
        Arbitrary.make(StepRecord),
        fc.constantFrom<StepId>("candidateDesignation", "candidateApproval", "admissionMeeting", "admissionApproval", "conversionMeeting", "conversionApproval"),
        fc.option(fc.record({ outcome: fc.constantFrom<Decision["outcome"]>("approved", "rejected", "passed", "failed", "convert", "extend", "cancel"), extensionMonths: fc.integer({ min: 6, max: 12 }) }), { nil: undefined })
      ),
      { minLength: 4, maxLength: 30 }
    )
  )
  .map(([member, steps]): Member => ({
    ...member,
    steps: steps.map(([record, step, decision]): StepRecord => {
      const { decision: _generated, ...rest } = record
      return decision === undefined ? { ...rest, step } : { ...rest, step, decision: { ...decision, decidedBy: "上级党委" } }
    })
  }))

describe("fileState: the in-place replay gives the states of the spreading one", () => {
  it(
    "on generated members (any steps in any order, entered or not), to the end and up to any date",
    () => {
      fc.assert(
        fc.property(Arbitrary.make(Member), fc.option(Arbitrary.make(CivilDate), { nil: undefined }), (member, on) => {
          same(fileState(member, profile, on), spreadingFileState(member, profile, on))
        }),
        { numRuns: 300 }
      )
    },
    TIMEOUT
  )

  it(
    "on files whose steps carry decisions: refused candidates, conversions, extensions and cancellations",
    () => {
      fc.assert(
        fc.property(decidedMemberArb, (member) => {
          sameOutcome(() => fileState(member, profile), () => spreadingFileState(member, profile))
        }),
        { numRuns: 300 }
      )
    },
    TIMEOUT
  )

  it(
    "applyStep on any state and step: the spreading result, and the state passed in is left as it was",
    () => {
      fc.assert(
        fc.property(Arbitrary.make(Member), Arbitrary.make(StepRecord), (member, record) => {
          const state = Object.freeze(fileState(member, profile))
          const copy = structuredClone(state)
          same(applyStep(state, record, profile), spreadingApplyStep(state, record, profile))
          expect(state).toStrictEqual(copy)
        }),
        { numRuns: 300 }
      )
    },
    TIMEOUT
  )

  it("on the 2014 and 2026 recruitment files, at every step's date", () => {
    for (const member of [walk(path2014), walk(path2026)]) {
      same(fileState(member, profile), spreadingFileState(member, profile))
      for (const record of member.steps) same(fileState(member, profile, record.date), spreadingFileState(member, profile, record.date))
    }
  })
})
