import { describe, expect, it } from "@effect/vitest"
import { civilDate } from "../../src/calendar/civil-date.js"
import type { Member } from "../../src/member/member.js"
import { type MemberTimelineItem, timeline } from "../../src/member/timeline.js"
import { before, path2014, path2026, profile, walk } from "./fixtures.js"

const at = (member: Member, today: string) => timeline(member, profile, civilDate(today))
const item = (member: Member, today: string, ruleId: string): MemberTimelineItem | undefined =>
  at(member, today).items.find((i) => i.ruleId === ruleId)
const findingsOf = (member: Member, today: string, ruleId: string) => at(member, today).findings.filter((f) => f.ruleId === ruleId)

describe("timeline", () => {
  it("member.applicationTalk.deadline: due one month after the application; overdue the day after, as a violation", () => {
    const applied = walk(before(path2026, "applicationTalk"))
    expect(item(applied, "2026-06-12", "member.applicationTalk.deadline")).toMatchObject({ step: "applicationTalk", due: "2026-06-12", overdue: false })
    expect(findingsOf(applied, "2026-06-12", "member.applicationTalk.deadline")).toEqual([])
    expect(item(applied, "2026-06-13", "member.applicationTalk.deadline")?.overdue).toBe(true)
    const [f] = findingsOf(applied, "2026-06-13", "member.applicationTalk.deadline")
    expect(f).toMatchObject({ severity: "violation", due: "2026-06-12", subject: { kind: "member", id: "a1" } })
    expect(f?.message.zh).toContain("《中国共产党发展党员工作细则》（2026年）第七条")
  })

  it("member.activist.assessmentInterval: the next assessment is due 6 months after the last one (tracked, not a block)", () => {
    const assessed = walk(before(path2026, "activistAssessment", 2))
    expect(item(assessed, "2027-01-01", "member.activist.assessmentInterval")).toMatchObject({ due: "2027-06-01", overdue: false })
    expect(item(assessed, "2027-06-02", "member.activist.assessmentInterval")?.overdue).toBe(true)
  })

  it("member.activist.minimumCultivation: the earliest candidate date is one year after the designation, with a reminder once reached", () => {
    const activist = walk(before(path2026, "candidateDesignation"))
    expect(item(activist, "2027-05-31", "member.activist.minimumCultivation")).toMatchObject({ earliest: "2027-06-01", overdue: false })
    expect(findingsOf(activist, "2027-05-31", "member.activist.minimumCultivation")).toEqual([])
    expect(findingsOf(activist, "2027-06-01", "member.activist.minimumCultivation")[0]?.severity).toBe("reminder")
  })

  it("member.admission.meetingDeadline: 预审 + 1 month under 2026; no national limit under 2014", () => {
    const reviewed = walk(before(path2026, "applicationFormIssued"))
    expect(item(reviewed, "2027-09-10", "member.admission.meetingDeadline")).toMatchObject({ due: "2027-09-10", overdue: false })
    expect(item(reviewed, "2027-09-11", "member.admission.meetingDeadline")?.overdue).toBe(true)
    expect(item(walk(before(path2014, "applicationFormIssued")), "2024-06-01", "member.admission.meetingDeadline")).toBeUndefined()
  })

  it("member.admission.approvalDeadline: due at +3 months (warning after), latest at +6 (violation after)", () => {
    const met = walk(before(path2026, "admissionApproval"))
    expect(item(met, "2027-12-01", "member.admission.approvalDeadline")).toMatchObject({ due: "2027-12-01", latest: "2028-03-01", overdue: false })
    expect(findingsOf(met, "2027-12-02", "member.admission.approvalDeadline")[0]?.severity).toBe("warning")
    expect(findingsOf(met, "2028-03-01", "member.admission.approvalDeadline")[0]?.severity).toBe("warning")
    expect(findingsOf(met, "2028-03-02", "member.admission.approvalDeadline")[0]?.severity).toBe("violation")
  })

  it("member.oath.deadline: one month after approval (a default, so a warning); none under 2014", () => {
    const approved = walk(before(path2026, "oath"))
    expect(item(approved, "2027-11-01", "member.oath.deadline")).toMatchObject({ due: "2027-11-01", overdue: false })
    expect(findingsOf(approved, "2027-11-02", "member.oath.deadline")[0]?.severity).toBe("warning")
    expect(item(walk(before(path2014, "oath")), "2024-06-01", "member.oath.deadline")).toBeUndefined()
  })

  it("member.probation.length: the probation end is the earliest conversion meeting (2024-02-29 → 2025-02-28)", () => {
    const probationary = walk(before(path2014, "conversionMeeting"))
    expect(item(probationary, "2025-01-01", "member.probation.length")).toMatchObject({ step: "conversionMeeting", earliest: "2025-02-28" })
    expect(findingsOf(probationary, "2025-02-27", "member.probation.length")).toEqual([])
    expect(findingsOf(probationary, "2025-02-28", "member.probation.length")[0]?.severity).toBe("reminder")
  })

  it("member.conversion.approvalDeadline: due 3 months after the conversion meeting", () => {
    const met = walk(before(path2026, "conversionApproval"))
    expect(item(met, "2028-12-01", "member.conversion.approvalDeadline")).toMatchObject({ due: "2028-12-01", overdue: false })
    expect(findingsOf(met, "2028-12-02", "member.conversion.approvalDeadline")[0]?.severity).toBe("violation")
  })

  it("a finished file or an inactive one has nothing due", () => {
    expect(at(walk(path2026), "2029-01-01").items).toEqual([])
    const closed: Member = { ...walk(before(path2026, "applicationTalk")), status: "closed" }
    expect(at(closed, "2027-01-01").items).toEqual([])
  })
})
