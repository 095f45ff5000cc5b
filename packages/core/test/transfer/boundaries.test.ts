import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { addMonths, type CivilDate, civilDate } from "../../src/calendar/civil-date.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { applyOverride } from "../../src/profile/override.js"
import { TransferLetter } from "../../src/transfer/letter.js"
import { checkReceipt, issueLetter } from "../../src/transfer/letters.js"
import { pocketMemberSignals, postponedConversion, postponementFindings, receiptFindings } from "../../src/transfer/signals.js"
import { latestIssueCompleting } from "../../src/transfer/transfer-reads.js"
import { member, org, probationary } from "./fixtures.js"

const d = civilDate

const letterOf = (over: Partial<typeof TransferLetter.Encoded>): TransferLetter =>
  Schema.decodeSync(TransferLetter)({
    tenantId: "t1",
    id: "L-1",
    version: 1,
    direction: "out",
    memberId: "m9",
    memberName: "党员 m9",
    stage: "full",
    letterNumber: "组转1号",
    organizationId: "b1",
    from: { organizationId: "b1", name: "一中党支部", tenantId: null },
    to: { organizationId: null, name: "外县", tenantId: null },
    issuedOn: "2026-07-01",
    validUntil: "2026-07-31",
    duesPaidThrough: "2026-06",
    receivedOn: null,
    batchId: null,
    source: null,
    ...over
  })

describe("transfer.letter.validity: the letter is valid through the issue date plus the profile's days", () => {
  it("30 days by default: issued 2026-07-01, valid through 2026-07-31; received on 07-31 yes, on 08-01 no (allowedUntil 07-31)", () => {
    const issued = issueLetter(member("m9", "b1"), org("b1", "branch", "school"), { organizationId: null, name: "外县", tenantId: null }, "out", {
      id: "L-1" as never,
      letterNumber: "组转1号",
      issuedOn: d("2026-07-01"),
      duesPaidThrough: "2026-06"
    }, nationalBaseline)
    expect(issued.validUntil).toBe("2026-07-31")
    expect(Either.isRight(checkReceipt("t", { ...issued }, d("2026-07-31"), d("2026-09-01"), nationalBaseline))).toBe(true)
    const late = checkReceipt("t", issued, d("2026-08-01"), d("2026-09-01"), nationalBaseline)
    expect(Either.isLeft(late) && late.left).toMatchObject({ ruleId: "transfer.letter.validity", allowedUntil: "2026-07-31", problem: "letterExpired" })
    expect(nationalBaseline.rules.get("transfer.letter.validity")?.versions[0].confidence).toBe("unsure")
  })

  it("a county's override of the days changes the validity (the parameter is local practice)", () => {
    const county = Either.getOrThrow(
      applyOverride(nationalBaseline, { id: "county", name: { zh: "县", en: "County" }, document: "县组织关系转接办法", effectiveFrom: "2026-01-01", rules: { "transfer.letter.validity": { days: 10 } } })
    )
    const issued = issueLetter(member("m9", "b1"), org("b1", "branch", "school"), { organizationId: null, name: "外县", tenantId: null }, "out", {
      id: "L-1" as never,
      letterNumber: "组转1号",
      issuedOn: d("2026-07-01"),
      duesPaidThrough: "2026-06"
    }, county)
    expect(issued.validUntil).toBe("2026-07-11")
  })
})

describe("transfer.receipt.deadline: flagged to the sending branch the day after the validity ends", () => {
  const pending = letterOf({})
  it("nothing on the last valid day, a flag the day after; nothing once received", () => {
    expect(receiptFindings([pending], nationalBaseline, d("2026-07-31"))).toEqual([])
    const [flag] = receiptFindings([pending], nationalBaseline, d("2026-08-01"))
    expect(flag).toMatchObject({ ruleId: "transfer.receipt.deadline", severity: "flag", subject: { kind: "organization", id: "b1" }, due: "2026-07-31" })
    expect(receiptFindings([letterOf({ receivedOn: "2026-07-20" })], nationalBaseline, d("2026-08-01"))).toEqual([])
    expect(receiptFindings([letterOf({ direction: "in", receivedOn: null })], nationalBaseline, d("2026-08-01"))).toEqual([])
  })
})

describe("transfer.pocketMember.signal: a member transferred out and received nowhere, for the county", () => {
  it("raised on the day six months complete, not the day before (month ends clamp)", () => {
    expect(pocketMemberSignals([letterOf({})], nationalBaseline, d("2026-12-31"))).toEqual([])
    expect(pocketMemberSignals([letterOf({})], nationalBaseline, d("2027-01-01"))[0]).toMatchObject({
      ruleId: "transfer.pocketMember.signal",
      subject: { kind: "member", id: "m9" },
      due: "2027-01-01"
    })
    const endOfAugust = letterOf({ issuedOn: "2026-08-31", validUntil: "2026-09-30" })
    expect(pocketMemberSignals([endOfAugust], nationalBaseline, d("2027-02-27"))).toEqual([])
    expect(pocketMemberSignals([endOfAugust], nationalBaseline, d("2027-02-28"))).toHaveLength(1)
  })

  it("property: the county's grouped count (issued on or before latestIssueCompleting) counts exactly the letters signalled", () => {
    const day = fc.integer({ min: 0, max: 1500 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10) as CivilDate)
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 24 }), (issuedOn, today, months) => {
        const signalled = addMonths(issuedOn, months) <= today
        expect(issuedOn <= latestIssueCompleting(today, months)).toBe(signalled)
      }),
      { numRuns: 2000 }
    )
  })
})

describe("transfer.probation.postponement (rules.md 4.29): a probationary member received may have the conversion discussed up to 6 months late", () => {
  const received = letterOf({ direction: "in", memberId: "p1", stage: "probationary", receivedOn: "2026-08-27", organizationId: "c1" })
  it("probation ends 2027-03-01: nothing the day before; a reminder due 2027-09-01 from the end through that day; a violation the day after", () => {
    expect(postponedConversion(probationary, [received], nationalBaseline)).toEqual({ probationEnd: "2027-03-01", latestMeeting: "2027-09-01" })
    expect(postponementFindings(probationary, [received], nationalBaseline, d("2027-02-28"))).toEqual([])
    for (const today of ["2027-03-01", "2027-09-01"]) {
      expect(postponementFindings(probationary, [received], nationalBaseline, d(today))).toMatchObject([
        { ruleId: "transfer.probation.postponement", severity: "reminder", due: "2027-09-01" }
      ])
    }
    const [late] = postponementFindings(probationary, [received], nationalBaseline, d("2027-09-02"))
    expect(late).toMatchObject({ ruleId: "transfer.probation.postponement", severity: "violation" })
    expect(late!.message.zh).toContain("第三十五条")
  })

  it("does not apply to a member not received on probation, nor to one received as a full member", () => {
    expect(postponementFindings(probationary, [], nationalBaseline, d("2027-09-02"))).toEqual([])
    expect(postponementFindings(probationary, [{ ...received, stage: "full" }], nationalBaseline, d("2027-09-02"))).toEqual([])
    expect(postponementFindings(probationary, [{ ...received, direction: "out" }], nationalBaseline, d("2027-09-02"))).toEqual([])
  })
})
