import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { civilDate } from "../../src/calendar/civil-date.js"
import { weekdayCalendar } from "../../src/calendar/workday-calendar.js"
import { recordStep } from "../../src/member/lifecycle.js"
import type { Member } from "../../src/member/member.js"
import { StepRecord } from "../../src/member/step.js"
import type { RecognitionDecision } from "../../src/member/transfer-review.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { applyOverride } from "../../src/profile/override.js"
import type { RuleProfile } from "../../src/profile/profile.js"
import type { Store } from "../../src/store/port.js"
import { TransferLetter } from "../../src/transfer/letter.js"
import { decideReview, raiseReview, reviewFindings } from "../../src/transfer/recognition.js"
import { transferService } from "../../src/transfer/transfer-service.js"
import { commandAudit, ctxFor, getMember, letter, member, noonOf, organizer, probationary, secretary2, seed } from "./fixtures.js"

const d = civilDate
const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))

/** p1 (probationary until 2027-03-01) received in c1 of another county on 2026-08-27 with letter 组转7号. */
const received = Schema.decodeSync(TransferLetter)({
  tenantId: "t1",
  id: "L-7",
  version: 1,
  direction: "in",
  memberId: "p1",
  memberName: "党员 p1",
  stage: "probationary",
  letterNumber: "组转7号",
  organizationId: "b1",
  from: { organizationId: null, name: "外县一中党支部", tenantId: null },
  to: { organizationId: "b1", name: "一中党支部", tenantId: null },
  issuedOn: "2026-08-20",
  validUntil: "2026-09-19",
  duesPaidThrough: "2026-07",
  receivedOn: "2026-08-27",
  batchId: null,
  source: null
})
const question = (raisedOn = "2026-09-01") => ({ raisedOn: d(raisedOn), raisedBy: "一中党支部委员会", concern: "入党志愿书缺支部大会决议页，转出党组织未答复" })
const open = Either.getOrThrow(raiseReview(probationary, [received], question(), d("2026-09-01")))
const approval = { approvedBy: "县委组织部", approvedOn: d("2026-10-10"), reference: "县组干〔2026〕3号" }
const decision = (over: Partial<RecognitionDecision> = {}): RecognitionDecision => ({
  outcome: "notRecognized",
  decidedOn: d("2026-10-12"),
  decidedBy: "一中党支部委员会",
  countyApproval: approval,
  ...over
})
const refusedWith = (result: Either.Either<Member, { readonly problem: string }>, problem: string) => {
  expect(Either.isLeft(result) && result.left).toMatchObject({ problem })
  return Either.isLeft(result) ? result.left : undefined
}
const overridden = (rules: Record<string, unknown>): RuleProfile =>
  Either.getOrThrow(applyOverride(nationalBaseline, { id: "county", name: { zh: "县", en: "County" }, document: "县转接办法", effectiveFrom: "2026-01-01", rules }))

describe("transfer.probation.recognition (rules.md 4.29): a transferred-in file that cannot be verified is a flag until a person decides", () => {
  it("only an active probationary member received by a letter can be questioned; from the receipt day through today", () => {
    refusedWith(raiseReview(probationary, [], question(), d("2026-09-01")), "notReceivedOnProbation")
    refusedWith(raiseReview(probationary, [{ ...received, stage: "full" }], question(), d("2026-09-01")), "notReceivedOnProbation")
    refusedWith(raiseReview(probationary, [{ ...received, direction: "out" }], question(), d("2026-09-01")), "notReceivedOnProbation")
    refusedWith(raiseReview(member("m2", "b1"), [{ ...received, memberId: "m2" as never }], question(), d("2026-09-01")), "notReceivedOnProbation")
    refusedWith(raiseReview(probationary, [received], question("2026-08-26"), d("2026-09-01")), "dateOrder")
    refusedWith(raiseReview(probationary, [received], question("2026-09-02"), d("2026-09-01")), "dateOrder")
    expect(Either.isRight(raiseReview(probationary, [received], question("2026-08-27"), d("2026-09-01")))).toBe(true)
    expect(open.transferReviews).toEqual([{ letterNumber: "组转7号", ...question(), decision: null }])
    refusedWith(raiseReview(open, [received], question("2026-09-05"), d("2026-09-05")), "reviewOpen")
  })

  it("an open review is a flag on the member citing the rule; nothing once decided", () => {
    expect(reviewFindings(probationary, nationalBaseline)).toEqual([])
    const [flag] = reviewFindings(open, nationalBaseline)
    expect(flag).toMatchObject({ ruleId: "transfer.probation.recognition", severity: "flag", subject: { kind: "member", id: "p1" } })
    expect(flag!.message.zh).toContain("县级以上党委组织部门批准")
    const recognized = Either.getOrThrow(decideReview(open, decision({ outcome: "recognized", countyApproval: null }), nationalBaseline, d("2026-10-12")))
    expect(reviewFindings(recognized, nationalBaseline)).toEqual([])
  })

  it("the conversion meeting is refused while the review is open (the dependent step), and accepted once recognition is recorded", () => {
    const meeting = Schema.decodeSync(StepRecord)({
      step: "conversionMeeting",
      date: "2027-03-01",
      vote: { dueVoting: 9, presentVoting: 8, yes: 7, no: 1, abstain: 0 },
      decision: { decidedBy: "支部大会", outcome: "convert" }
    })
    const context = { profile: nationalBaseline, today: d("2027-03-01"), workdays: weekdayCalendar, people: [] }
    expect(Either.isRight(recordStep(probationary, meeting, context))).toBe(true)
    const refused = recordStep(open, meeting, context)
    expect(Either.isLeft(refused) && refused.left).toMatchObject({ ruleId: "transfer.probation.recognition", missing: "recognition decision" })
    const recognized = Either.getOrThrow(decideReview(open, decision({ outcome: "recognized", countyApproval: null }), nationalBaseline, d("2026-10-12")))
    expect(Either.isRight(recordStep(recognized, meeting, context))).toBe(true)
  })

  it("refusing recognition needs the county's approval (approvalRequired, citing the rule); with it the file ends as a cancelled probation", () => {
    const missing = refusedWith(decideReview(open, decision({ countyApproval: null }), nationalBaseline, d("2026-10-12")), "approvalRequired")
    expect(missing).toMatchObject({ ruleId: "transfer.probation.recognition", missing: "countyApproval" })
    const refused = Either.getOrThrow(decideReview(open, decision(), nationalBaseline, d("2026-10-12")))
    expect([refused.status, refused.stage]).toEqual(["probationCancelled", "probationary"])
    expect(refused.statusHistory.at(-1)).toMatchObject({ status: "probationCancelled", date: "2026-10-12", decidedBy: "一中党支部委员会" })
    expect(refused.statusHistory.at(-1)!.reason).toContain("县委组织部")
    expect(refused.transferReviews![0]!.decision).toEqual(decision())
    refusedWith(decideReview(refused, decision(), nationalBaseline, d("2026-10-12")), "noOpenReview")
  })

  it("recognition needs no approval nationally; a county may require it (stricter), and cannot drop it for a refusal (the override is refused)", () => {
    expect(Either.getOrThrow(decideReview(open, decision({ outcome: "recognized", countyApproval: null }), nationalBaseline, d("2026-10-12"))).status).toBe("active")
    const strict = overridden({ "transfer.probation.recognition": { refusalNeedsCountyApproval: true, recognitionNeedsCountyApproval: true } })
    refusedWith(decideReview(open, decision({ outcome: "recognized", countyApproval: null }), strict, d("2026-10-12")), "approvalRequired")
    expect(Either.getOrThrow(decideReview(open, decision({ outcome: "recognized" }), strict, d("2026-10-12"))).status).toBe("active")
    const lax = { "transfer.probation.recognition": { refusalNeedsCountyApproval: false, recognitionNeedsCountyApproval: false } }
    expect(Either.isLeft(applyOverride(nationalBaseline, { id: "county", name: { zh: "县", en: "County" }, document: "县转接办法", effectiveFrom: "2026-01-01", rules: lax }))).toBe(true)
  })

  it("dates at their boundaries: decided on the review day through today; approved on the review day through the decision day", () => {
    const on = (over: Partial<RecognitionDecision>, today = "2026-10-12") => decideReview(open, decision(over), nationalBaseline, d(today))
    refusedWith(on({ decidedOn: d("2026-08-31"), countyApproval: null, outcome: "recognized" }), "dateOrder")
    expect(Either.isRight(on({ decidedOn: d("2026-09-01"), countyApproval: { ...approval, approvedOn: d("2026-09-01") } }))).toBe(true)
    refusedWith(on({ decidedOn: d("2026-10-13") }), "dateOrder")
    refusedWith(on({ countyApproval: { ...approval, approvedOn: d("2026-08-31") } }), "dateOrder")
    refusedWith(on({ countyApproval: { ...approval, approvedOn: d("2026-10-13") } }), "dateOrder")
    expect(Either.isRight(on({ countyApproval: { ...approval, approvedOn: d("2026-10-12") } }))).toBe(true)
  })
})

describe("transferService.raiseReview / decideReview: stored with the file, refused ones write nothing", () => {
  const moved = Effect.gen(function* () {
    yield* seed
    yield* transferService.move(ctxFor(organizer), { memberId: "p1", toOrganizationId: "b2", movedOn: "2026-08-25", ...letter(1) })
    return yield* getMember("p1")
  })

  it.effect("the receiving branch raises it and sees the flag in its own findings (the letter is the sender's record)", () =>
    run(
      Effect.gen(function* () {
        const p1 = yield* moved
        const raised = yield* transferService.raiseReview(ctxFor(secretary2, noonOf("2026-09-02")), {
          memberId: "p1",
          expectedVersion: p1.version,
          raisedOn: "2026-09-01",
          raisedBy: "二中党支部委员会",
          concern: "政审材料缺失"
        })
        expect(raised.transferReviews).toMatchObject([{ letterNumber: letter(1).letterNumber, decision: null }])
        const findings = yield* transferService.findings(ctxFor(secretary2, noonOf("2026-09-02")), { organizationId: "b2" })
        expect(findings.map((f) => [f.ruleId, f.subject.id])).toEqual([["transfer.probation.recognition", "p1"]])
        const again = yield* Effect.flip(
          transferService.raiseReview(ctxFor(secretary2, noonOf("2026-09-02")), { memberId: "p1", expectedVersion: raised.version, raisedOn: "2026-09-02", raisedBy: "二中党支部委员会", concern: "再次" })
        )
        expect(again).toMatchObject({ _tag: "ZhibuTransferRejected", problem: "reviewOpen" })
      })
    )
  )

  it.effect("a decision with the county's approval is the higher organizer's to record: the branch secretary is Forbidden, a missing approval is refused; neither writes", () =>
    run(
      Effect.gen(function* () {
        const p1 = yield* moved
        const ctx = ctxFor(secretary2, noonOf("2026-10-12"))
        const raised = yield* transferService.raiseReview(ctx, { memberId: "p1", expectedVersion: p1.version, raisedOn: "2026-09-01", raisedBy: "二中党支部委员会", concern: "政审材料缺失" })
        const audited = (yield* commandAudit()).length
        const input = { memberId: "p1", expectedVersion: raised.version, decision: { ...decision(), decidedOn: "2026-10-12", countyApproval: { ...approval, approvedOn: "2026-10-10" } } }
        expect((yield* Effect.flip(transferService.decideReview(ctx, input)))._tag).toBe("ZhibuForbidden")
        const noApproval = yield* Effect.flip(transferService.decideReview(ctxFor(organizer, noonOf("2026-10-12")), { ...input, decision: { ...input.decision, countyApproval: null } }))
        expect(noApproval).toMatchObject({ problem: "approvalRequired", ruleId: "transfer.probation.recognition" })
        expect((yield* getMember("p1")).version).toBe(raised.version)
        expect((yield* commandAudit()).length).toBe(audited)
        const decided = yield* transferService.decideReview(ctxFor(organizer, noonOf("2026-10-12")), input)
        expect(decided.status).toBe("probationCancelled")
        expect((yield* commandAudit()).at(-1)).toMatchObject({ action: "member.recordApproval", recordId: "p1" })
        expect(yield* transferService.findings(ctxFor(secretary2, noonOf("2026-10-12")), { organizationId: "b2" })).toEqual([])
      })
    )
  )
})
