import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { OrganizationId, PersonId } from "../tenant/ids.js"
import { StudyTenths } from "./rules-hours.js"

/** Inputs of the study service, decoded at the boundary. Hours are tenths of a 学时. */

const RecordId = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: () => "id: 1–64 characters of letters, digits, '.', '_', ':' or '-'" }))
const Year = Schema.Int.pipe(Schema.between(1900, 2999))
const Title = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200))

/** 组织生活计学时 — a session and who attended it (for sessions not stored as meetings). */
export const CreditSessionInput = Schema.Struct({
  session: Schema.Struct({
    id: RecordId,
    kinds: Schema.NonEmptyArray(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64))),
    date: CivilDate,
    organizationId: OrganizationId,
    title: Schema.optional(Title)
  }),
  attendance: Schema.Array(Schema.Struct({ memberId: PersonId, status: Schema.Literal("present", "leave", "absent") }))
})
export type CreditSessionInput = typeof CreditSessionInput.Encoded

/** 会议计学时 — a stored meeting and its stored attendance. */
export const CreditMeetingInput = Schema.Struct({ meetingId: RecordId })
export type CreditMeetingInput = typeof CreditMeetingInput.Encoded

/** 培训、党校或认定的学习 — hours credited to one member. */
export const RecordCreditInput = Schema.Struct({
  id: RecordId,
  memberId: PersonId,
  on: CivilDate,
  source: Schema.Literal("training", "partySchool", "recognized"),
  tenths: StudyTenths,
  centralized: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  title: Title
})
export type RecordCreditInput = typeof RecordCreditInput.Encoded

/** 学习计划 — an item planned for a member. */
export const PlanStudyInput = Schema.Struct({
  id: RecordId,
  memberId: PersonId,
  plannedOn: CivilDate,
  tenths: StudyTenths,
  centralized: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  title: Title
})
export type PlanStudyInput = typeof PlanStudyInput.Encoded

/** 免于学时要求 — the branch's decision for one member and year. */
export const RecordExcusalInput = Schema.Struct({
  id: RecordId,
  memberId: PersonId,
  year: Year,
  reason: Schema.Literal("elderly", "frail", "seriouslyIll"),
  decidedBy: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100)),
  decidedOn: CivilDate
})
export type RecordExcusalInput = typeof RecordExcusalInput.Encoded

/** One member's year. */
export const MemberStudyInput = Schema.Struct({ memberId: PersonId, year: Year })
export type MemberStudyInput = typeof MemberStudyInput.Encoded

/** A branch's year: every member's status and gap. */
export const BranchStudyInput = Schema.Struct({ organizationId: OrganizationId, year: Year })
export type BranchStudyInput = typeof BranchStudyInput.Encoded

/** Study figures of an organization's subtree (a school, a county) for a year: totals only. */
export const SubtreeStudyInput = Schema.Struct({ organizationId: OrganizationId, year: Year })
export type SubtreeStudyInput = typeof SubtreeStudyInput.Encoded
