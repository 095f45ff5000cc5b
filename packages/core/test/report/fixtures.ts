import { addMonths, civilDate } from "../../src/calendar/civil-date.js"
import type { Member } from "../../src/member/member.js"
import type { StepId, StepRecordInput } from "../../src/member/step.js"
import type { Organization } from "../../src/org/organization.js"
import { before, blank, path2014, path2026, walk } from "../member/fixtures.js"
import { schoolTree } from "../support/records.js"

/** Fixtures of the branch agenda: files walked through the real rules, placed in a small tree. */

/** `path` with the date of the first `step` changed. */
export const redate = (path: ReadonlyArray<StepRecordInput>, step: StepId, date: string): ReadonlyArray<StepRecordInput> => {
  const index = path.findIndex((r) => r.step === step)
  return path.map((r, i) => (i === index ? { ...r, date } : r))
}

/** A file of `path` up to (not including) `until`, as person `id` of `organizationId`. */
export const fileOf = (
  id: string,
  path: ReadonlyArray<StepRecordInput>,
  until: StepId,
  place: { readonly organizationId?: string; readonly partyGroupId?: string | null; readonly occurrence?: number } = {}
): Member =>
  walk(
    before(path, until, place.occurrence ?? 1),
    blank({ id, name: `人员 ${id}`, organizationId: place.organizationId ?? "b1", partyGroupId: place.partyGroupId ?? null })
  )

/** county ─ school ─┬─ b1 ─ g1, and └─ b2 */
export const tree: ReadonlyArray<Organization> = schoolTree

export const byId = (id: string): Organization => tree.find((o) => o.id === id)!

/** Two probationary members whose probation ends on 2028-09-01 and 2028-09-02 (2026 path). */
export const probationEndsOn0901 = fileOf("p1", path2026, "conversionApplication")
export const probationEndsOn0902 = fileOf("p2", redate(path2026, "admissionMeeting", "2027-09-02"), "conversionApplication")

/** Two activists whose next assessment is due on 2027-06-01 and 2027-06-02. */
export const assessmentDue0601 = fileOf("a1", path2026, "activistAssessment", { occurrence: 2 })
export const assessmentDue0602 = fileOf("a2", redate(path2026, "activistAssessment", "2026-12-02"), "activistAssessment", { occurrence: 2 })

/** An applicant (application 2026-05-12) whose talk was due on 2026-06-12. */
export const applicant = fileOf("x1", path2026, "applicationTalk")

/** `path` with every date moved by `months` calendar months. */
export const shifted = (path: ReadonlyArray<StepRecordInput>, months: number): ReadonlyArray<StepRecordInput> =>
  path.map((r) => ({
    ...r,
    date: addMonths(civilDate(r.date), months),
    ...(r.publicity === undefined ? {} : { publicity: { from: addMonths(civilDate(r.publicity.from), months), to: addMonths(civilDate(r.publicity.to), months) } })
  }))

/**
 * A probationary member admitted on 2026-01-29, under the 2014 rules (the 2014 path moved by 23
 * months): the probation ends on 2027-01-29, after the 2026 rules took effect.
 */
export const probationary2014 = fileOf("p14", shifted(path2014, 23), "conversionApplication")
