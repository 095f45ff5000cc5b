import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { civilDate } from "../../src/calendar/civil-date.js"
import type { Member, MemberStatus } from "../../src/member/member.js"
import { StatusChange } from "../../src/member/member.js"
import { addFlagDecision, addSanction, changeStatus } from "../../src/member/status.js"
import { hasVotingRights } from "../../src/member/voting-rights.js"
import { before, blank, path2026, person, profile, walk } from "./fixtures.js"

const change = (status: MemberStatus, date = "2026-03-01") => Schema.decodeSync(StatusChange)({ status, date, decidedBy: "支部大会" })
const changed = (member: Member, status: MemberStatus, date?: string) => changeStatus(member, change(status, date), civilDate("2026-12-31"))

describe("changeStatus (member.status.restoration)", () => {
  const m = person("m1")
  it("an active member may be suspended and restored (停止党籍 → 恢复党籍)", () => {
    const suspended = Either.getOrThrow(changed(m, "suspended"))
    const restored = Either.getOrThrow(changed(suspended, "active", "2026-06-01"))
    expect(restored.status).toBe("active")
    expect(restored.statusHistory.map((c) => c.status)).toEqual(["suspended", "active"])
  })

  it.each(["removed", "lapsed"] as const)("a %s member cannot be restored; the refusal cites the rule", (status) => {
    const out = Either.getOrThrow(changed(m, status))
    const refused = changed(out, "active", "2026-06-01")
    expect(Either.isLeft(refused)).toBe(true)
    if (Either.isLeft(refused)) {
      expect(refused.left).toMatchObject({ _tag: "ZhibuStatusChangeRejected", ruleId: "member.status.restoration", from: status, to: "active" })
      expect(refused.left.message).toContain("第二十四条")
    }
  })

  it("a cancelled probation cannot be restored, nor set by hand", () => {
    expect(Either.isLeft(changed({ ...m, status: "probationCancelled" }, "active"))).toBe(true)
    expect(Either.isLeft(changed(m, "probationCancelled"))).toBe(true)
  })

  it("an applicant's file is closed, not removed; a member's file is not closed", () => {
    const applicant = walk(before(path2026, "applicationTalk"))
    expect(Either.isLeft(changed(applicant, "removed", "2026-06-01"))).toBe(true)
    expect(Either.getOrThrow(changed(applicant, "closed", "2026-06-01")).status).toBe("closed")
    expect(Either.isLeft(changed(m, "closed"))).toBe(true)
  })

  it("refuses the same status, a date before the last change, and a date after today", () => {
    expect(Either.isLeft(changed(m, "active"))).toBe(true)
    const suspended = Either.getOrThrow(changed(m, "suspended"))
    expect(Either.isLeft(changed(suspended, "active", "2026-02-28"))).toBe(true)
    expect(Either.isLeft(changed(m, "suspended", "2027-01-01"))).toBe(true)
  })
})

describe("addSanction and addFlagDecision", () => {
  it("refuses a sanction ending before it starts, or on an applicant", () => {
    const sanction = { kind: "warning" as const, from: civilDate("2026-01-01"), until: civilDate("2025-12-31"), decidedBy: "纪委" }
    expect(Either.isLeft(addSanction(person("m1"), sanction))).toBe(true)
    expect(Either.isLeft(addSanction(blank(), { ...sanction, until: civilDate("2026-06-30") }))).toBe(true)
    expect(Either.getOrThrow(addSanction(person("m1"), { ...sanction, until: civilDate("2026-06-30") })).sanctions).toHaveLength(1)
  })
  it("refuses a flag decision on an unknown rule", () => {
    const decision = { ruleId: "member.nope", date: civilDate("2026-01-01"), decidedBy: "支委会", outcome: "justified" as const }
    expect(Either.isLeft(addFlagDecision(person("m1"), decision, profile))).toBe(true)
    expect(Either.isRight(addFlagDecision(person("m1"), { ...decision, ruleId: "member.lapse.sixMonths" }, profile))).toBe(true)
  })
})

describe("member.votingRights (§2.2)", () => {
  const on = civilDate("2026-03-01")
  it("a full active member votes", () => {
    expect(hasVotingRights(person("m1"), on)).toEqual({ votes: true, reasons: [] })
  })
  it("a probationary member does not; nor a full member before the conversion date", () => {
    expect(hasVotingRights(person("p1", { stage: "probationary", convertedOn: null, joinedOn: "2025-09-01" }), on).reasons.map((r) => r.reason)).toEqual(["notFullMember"])
    expect(hasVotingRights(person("m1"), civilDate("2011-06-30")).votes).toBe(false)
    expect(hasVotingRights(person("m1"), civilDate("2011-07-01")).votes).toBe(true)
  })
  it("a member under 留党察看 has no vote through its last day, and votes the day after", () => {
    const sanctioned = person("s1", { sanctions: [{ kind: "probationWithinParty", from: "2025-03-01", until: "2026-03-01", decidedBy: "纪委" }] })
    const r = hasVotingRights(sanctioned, on)
    expect(r.reasons.map((x) => x.reason)).toEqual(["probationWithinParty"])
    expect(r.reasons[0]?.message.zh).toContain("《中国共产党章程》第七条")
    expect(hasVotingRights(sanctioned, civilDate("2026-03-02")).votes).toBe(true)
  })
  it("a detained or suspended member has no vote; a warning does not take the vote away", () => {
    expect(hasVotingRights(person("d1", { sanctions: [{ kind: "detention", from: "2026-01-01", decidedBy: "监委" }] }), on).reasons.map((r) => r.reason)).toEqual(["detention"])
    expect(hasVotingRights(person("w1", { sanctions: [{ kind: "warning", from: "2026-01-01", decidedBy: "纪委" }] }), on).votes).toBe(true)
    const suspended = person("x1", { status: "suspended", statusHistory: [{ status: "suspended", date: "2026-02-01", decidedBy: "支部" }] })
    expect(hasVotingRights(suspended, on).reasons.map((r) => r.reason)).toEqual(["notActive"])
    expect(hasVotingRights(suspended, civilDate("2026-01-31")).votes).toBe(true)
  })
  it("a member converted through the lifecycle votes from the conversion approval", () => {
    const full = walk(path2026)
    expect(hasVotingRights(full, civilDate("2028-09-30"), profile).votes).toBe(false)
    expect(hasVotingRights(full, civilDate("2028-10-01"), profile).votes).toBe(true)
  })
})

describe("status names in refusals", () => {
  it("a refusal names the statuses in words, not as code values", () => {
    const removed = Either.getOrThrow(changed(person("m9"), "removed"))
    const refused = changed(removed, "active", "2026-04-01")
    expect(Either.isLeft(refused)).toBe(true)
    if (Either.isLeft(refused)) {
      expect(refused.left.message).toContain("已除名")
      expect(refused.left.message).not.toMatch(/状态为removed/)
    }
  })
})
