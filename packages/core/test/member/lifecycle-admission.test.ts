import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { enterExistingFile } from "../../src/member/entry.js"
import { recordStep } from "../../src/member/lifecycle.js"
import type { Member } from "../../src/member/member.js"
import { partyStandingStart, probationOf } from "../../src/member/stage.js"
import type { Decision, StepRecordInput } from "../../src/member/step.js"
import { expectAccepted, expectRejected } from "./assertions.js"
import { before, ctx, date, passingVote, path2014, path2026, profile, recordOf, step, walk } from "./fixtures.js"

const T = "2030-12-31"
const higher = (outcome: Decision["outcome"], extra: Record<string, unknown> = {}) => ({ decidedBy: "上级党委", outcome, ...extra })
const branch = (outcome: Decision["outcome"], extra: Record<string, unknown> = {}) => ({ decidedBy: "支部大会", outcome, ...extra })
const add = (member: Member, input: StepRecordInput, today = T) => recordStep(member, step(input), ctx(today))

describe("member.admission.preliminaryReview", () => {
  const reviewed = walk(before(path2026, "preliminaryReview"))
  it("refuses a pre-review without a result", () => {
    expectRejected(add(reviewed, { step: "preliminaryReview", date: "2027-08-10" }), "member.admission.preliminaryReview")
  })
  it("a rejected pre-review issues no application form; a later positive one does", () => {
    const rejected = expectAccepted(add(reviewed, { step: "preliminaryReview", date: "2027-08-10", decision: higher("rejected") }))
    expectRejected(add(rejected, { step: "applicationFormIssued", date: "2027-08-15" }), "member.steps.order")
    const passed = expectAccepted(add(rejected, { step: "preliminaryReview", date: "2027-09-10", decision: higher("approved") }))
    expectAccepted(add(passed, { step: "applicationFormIssued", date: "2027-09-15" }))
  })
})

describe("member.admission.vote", () => {
  const issued = walk(before(path2026, "admissionMeeting"))
  it("refuses an admission meeting without a vote", () => {
    expect(expectRejected(add(issued, { step: "admissionMeeting", date: "2027-09-01" }), "member.admission.vote").missing).toBe("vote")
  })
  it("refuses a vote with 4 of 9 present, and one with 4 of 9 in favour", () => {
    const thin = expectRejected(add(issued, { step: "admissionMeeting", date: "2027-09-01", vote: { dueVoting: 9, presentVoting: 4, yes: 4, no: 0, abstain: 0 } }), "member.admission.vote")
    expect(thin.missing).toContain("attendance")
    expect(thin.text.en).toContain("at least 5 needed")
    expectRejected(add(issued, { step: "admissionMeeting", date: "2027-09-01", vote: { dueVoting: 9, presentVoting: 8, yes: 4, no: 4, abstain: 0 } }), "member.admission.vote")
  })
  it("accepts 5 of 9 (4 at the meeting and 1 written opinion) and starts the probation on the meeting date", () => {
    const admitted = expectAccepted(
      add(issued, { step: "admissionMeeting", date: "2027-09-01", vote: { dueVoting: 9, presentVoting: 5, yes: 4, no: 1, abstain: 0, writtenYes: 1 } })
    )
    expect(probationOf(admitted, profile)).toEqual({ start: "2027-09-01", end: "2028-09-01", extended: false })
    expect(admitted.stage).toBe("candidate")
  })
})

describe("member.admission.approvalDeadline (3 months, 6 in a special case)", () => {
  const talked = walk(before(path2026, "admissionApproval"))
  const approve = (d: string, extra: Record<string, unknown> = {}) => add(talked, { step: "admissionApproval", date: d, decision: higher("approved", extra) })
  it("accepts an approval on the day 3 months after the meeting", () => {
    expect(expectAccepted(approve("2027-12-01")).stage).toBe("probationary")
  })
  it("refuses the day after without a special case, allowing until the 3-month day", () => {
    const error = expectRejected(approve("2027-12-02"), "member.admission.approvalDeadline")
    expect([error.allowedUntil, error.missing]).toEqual(["2027-12-01", "decision.specialCase"])
  })
  it("a special case is accepted up to 6 months and refused the day after", () => {
    expectAccepted(approve("2027-12-02", { specialCase: true }))
    expectAccepted(approve("2028-03-01", { specialCase: true }))
    expect(expectRejected(approve("2028-03-02", { specialCase: true }), "member.admission.approvalDeadline").allowedUntil).toBe("2028-03-01")
  })
  it("refuses an approval without the higher committee's decision", () => {
    expectRejected(add(talked, { step: "admissionApproval", date: "2027-10-01" }), "member.admission.approvalDeadline")
  })
  it("a rejected admission closes the file, with the decision in the status history", () => {
    const closed = expectAccepted(add(talked, { step: "admissionApproval", date: "2027-10-01", decision: higher("rejected", { reason: "表决后发现问题" }) }))
    expect(closed.status).toBe("closed")
    expect(closed.statusHistory.at(-1)).toMatchObject({ status: "closed", date: "2027-10-01", decidedBy: "上级党委", reason: "表决后发现问题" })
    expectRejected(add(closed, { step: "admissionFiling", date: "2027-10-10" }), "member.steps.order")
  })
  it("the oath comes only after the approval", () => {
    expectRejected(add(talked, { step: "oath", date: "2027-09-20" }), "member.steps.order")
  })
})

describe("member.probation.length (from the admission meeting, calendar years)", () => {
  const applied14 = walk(before(path2014, "conversionMeeting"))
  const meet = (member: Member, d: string, decision = branch("convert")) => add(member, { step: "conversionMeeting", date: d, vote: passingVote, decision })
  it("a meeting on 2024-02-29 ends probation on 2025-02-28", () => {
    expect(probationOf(applied14, profile)).toEqual({ start: "2024-02-29", end: "2025-02-28", extended: false })
  })
  it("the conversion meeting on 2025-02-27 is refused (allowed from 2025-02-28); on 2025-02-28 it is accepted", () => {
    expect(expectRejected(meet(applied14, "2025-02-27"), "member.probation.length").allowedFrom).toBe("2025-02-28")
    expectAccepted(meet(applied14, "2025-02-28"))
  })
  it("member.partyStanding.start: 党龄 counts from the probation end 2025-02-28, not the approval 2025-03-15", () => {
    const full = walk(path2014)
    expect(full.stage).toBe("full")
    expect(partyStandingStart(full, profile)).toBe("2025-02-28")
  })
  it("2026 file: the day before the anniversary is refused, the anniversary accepted", () => {
    const applied = walk(before(path2026, "conversionMeeting"))
    expectRejected(meet(applied, "2028-08-31"), "member.probation.length")
    expectAccepted(meet(applied, "2028-09-01"))
  })
})

describe("member.conversion.vote", () => {
  const applied = walk(before(path2026, "conversionMeeting"))
  it("refuses a conversion meeting without a vote, or with a failing one", () => {
    expectRejected(add(applied, { step: "conversionMeeting", date: "2028-09-01", decision: branch("convert") }), "member.conversion.vote")
    expectRejected(
      add(applied, { step: "conversionMeeting", date: "2028-09-01", decision: branch("convert"), vote: { dueVoting: 9, presentVoting: 9, yes: 4, no: 5, abstain: 0 } }),
      "member.conversion.vote"
    )
  })
  it("refuses a meeting without a resolution (convert, extend or cancel)", () => {
    expect(expectRejected(add(applied, { step: "conversionMeeting", date: "2028-09-01", vote: passingVote }), "member.probation.extension").missing).toBe(
      "decision convert, extend or cancel"
    )
  })
})

describe("member.probation.extension (6–12 months, once)", () => {
  const applied = walk(before(path2026, "conversionMeeting"))
  const extend = (member: Member, months: number | undefined, d = "2028-09-01") =>
    add(member, { step: "conversionMeeting", date: d, vote: passingVote, decision: branch("extend", months === undefined ? {} : { extensionMonths: months }) })
  it("refuses 5 months, 13 months, or no length; accepts 6 and 12", () => {
    expectRejected(extend(applied, 5), "member.probation.extension")
    expectRejected(extend(applied, 13), "member.probation.extension")
    expectRejected(extend(applied, undefined), "member.probation.extension")
    expectAccepted(extend(applied, 6))
    expectAccepted(extend(applied, 12))
  })
  const extended = expectAccepted(add(expectAccepted(extend(applied, 6)), { step: "conversionApproval", date: "2028-10-01", decision: higher("approved") }))
  it("an approved extension moves the probation end; the next meeting is refused before it", () => {
    expect(probationOf(extended, profile)).toEqual({ start: "2027-09-01", end: "2029-03-01", extended: true })
    expect(extended.stage).toBe("probationary")
    expect(expectRejected(extend(extended, 6, "2029-02-28"), "member.probation.extension").allowedFrom).toBe("2029-03-01")
  })
  it("a second extension is refused", () => {
    expect(expectRejected(extend(extended, 6, "2029-03-01"), "member.probation.extension").missing).toBe("convert or cancel")
  })
  it("conversion after the extension: 党龄 from the extended end", () => {
    const assessed = expectAccepted(add(extended, { step: "probationAssessment", date: "2029-01-10" }))
    const met = expectAccepted(add(assessed, { step: "conversionMeeting", date: "2029-03-05", vote: passingVote, decision: branch("convert") }))
    const full = expectAccepted(add(met, { step: "conversionApproval", date: "2029-04-01", decision: higher("approved") }))
    expect([full.stage, partyStandingStart(full, profile)]).toEqual(["full", "2029-03-01"])
  })
})

describe("member.conversion.approvalDeadline", () => {
  const met = walk(before(path2026, "conversionApproval"))
  it("accepts the approval 3 months after the meeting and refuses it the day after", () => {
    expect(expectAccepted(add(met, { step: "conversionApproval", date: "2028-12-01", decision: higher("approved") })).stage).toBe("full")
    expect(expectRejected(add(met, { step: "conversionApproval", date: "2028-12-02", decision: higher("approved") }), "member.conversion.approvalDeadline").allowedUntil).toBe(
      "2028-12-01"
    )
  })
  it("refuses a conversion approval without a decision on the resolution", () => {
    expectRejected(add(met, { step: "conversionApproval", date: "2028-10-01", decision: higher("convert") }), "member.conversion.approvalDeadline")
  })
  it("a rejected resolution sends the file back to the branch meeting", () => {
    const rejected = expectAccepted(add(met, { step: "conversionApproval", date: "2028-10-01", decision: higher("rejected") }))
    expect(rejected.stage).toBe("probationary")
    expectAccepted(add(rejected, { step: "conversionMeeting", date: "2028-10-15", vote: passingVote, decision: branch("convert") }))
  })
  it("an approved cancellation ends the file as probationCancelled", () => {
    const applied = walk(before(path2026, "conversionMeeting"))
    const cancelMeeting = expectAccepted(add(applied, { step: "conversionMeeting", date: "2028-09-01", vote: passingVote, decision: branch("cancel") }))
    const cancelled = expectAccepted(add(cancelMeeting, { step: "conversionApproval", date: "2028-09-20", decision: higher("approved") }))
    expect([cancelled.status, cancelled.stage]).toEqual(["probationCancelled", "probationary"])
    expectRejected(add(cancelled, { step: "archived", date: "2028-10-01" }), "member.steps.order")
  })
})

describe("an entered probationary member (joined before records began)", () => {
  const entered = enterExistingFile(
    { tenantId: "t1" as never, id: "e1" as never, organizationId: "b1" as never, partyGroupId: null, name: "老党员", gender: "male", birthDate: date("1990-01-01"), category: "teacher" },
    date("2025-09-01"),
    null,
    { profile, today: date("2026-06-01") }
  )
  it("starts in stage five and may go straight to the conversion meeting once probation has ended", () => {
    if (Either.isLeft(entered)) throw new Error(entered.left.message)
    expect(entered.right.stage).toBe("probationary")
    expectRejected(add(entered.right, { step: "conversionMeeting", date: "2026-08-31", vote: passingVote, decision: branch("convert") }), "member.probation.length")
    expectAccepted(add(entered.right, { step: "conversionMeeting", date: "2026-09-01", vote: passingVote, decision: branch("convert") }))
    expectRejected(add(entered.right, recordOf(path2026, "application")), "member.steps.order")
  })
  it("refuses a conversion date that is neither the probation end nor within an extension", () => {
    const person = { tenantId: "t1" as never, id: "e2" as never, organizationId: "b1" as never, partyGroupId: null, name: "老党员", gender: "male" as const, birthDate: date("1970-01-01"), category: "teacher" as const }
    expect(Either.isRight(enterExistingFile(person, date("2000-07-01"), date("2001-07-01"), { profile, today: date("2026-06-01") }))).toBe(true)
    expect(Either.isLeft(enterExistingFile(person, date("2000-07-01"), date("2001-06-30"), { profile, today: date("2026-06-01") }))).toBe(true)
    expect(Either.isLeft(enterExistingFile(person, date("2000-07-01"), date("2001-09-01"), { profile, today: date("2026-06-01") }))).toBe(true)
    expect(Either.isRight(enterExistingFile(person, date("2000-07-01"), date("2002-01-01"), { profile, today: date("2026-06-01") }))).toBe(true)
  })
})
