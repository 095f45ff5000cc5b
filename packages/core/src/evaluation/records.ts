import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { OrganizationId, PersonId, TenantId } from "../tenant/ids.js"
import { EvaluationGrade } from "./excellent-cap.js"
import { DeterminingBody, EvaluationStep } from "./rules-democratic.js"
import { FeedbackCadence } from "./rules-standards.js"

const RecordId = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: () => "id: 1–64 characters of letters, digits, '.', '_', ':' or '-'" }))
const Year = Schema.Int.pipe(Schema.between(1900, 2999))
const Text = (max: number) => Schema.String.pipe(Schema.minLength(1), Schema.maxLength(max))
const Versioned = { tenantId: TenantId, id: RecordId, version: Schema.Int.pipe(Schema.positive()) }

/** One step done, with its date (and for the determination, the body that gave it). */
export const StepDone = Schema.Struct({ step: EvaluationStep, date: CivilDate, by: Schema.optional(DeterminingBody) })
export type StepDone = typeof StepDone.Type

/** One member's grade; `atHost`: a mobile member (流动党员) evaluated at this, the host organization. */
export const GradeRecord = Schema.Struct({ memberId: PersonId, grade: EvaluationGrade, atHost: Schema.optionalWith(Schema.Boolean, { default: () => false }) })
export type GradeRecord = typeof GradeRecord.Type

/** 后续处置 — the follow-up of a 基本合格 or 不合格 member: the talk, the correction deadline, the branch's decision. */
export const FollowUp = Schema.Struct({
  memberId: PersonId,
  talkOn: Schema.NullOr(CivilDate),
  correctionUntil: Schema.NullOr(CivilDate),
  /** The branch's decision (a human judgement, recorded, never inferred). */
  decision: Schema.NullOr(Schema.Struct({ outcome: Schema.Literal("corrected", "extendedHelp", "persuadedToLeave", "removed", "other"), date: CivilDate, note: Schema.optional(Text(500)) }))
})
export type FollowUp = typeof FollowUp.Type

/** 民主评议党员 — one branch's evaluation of one year: its steps, grades and follow-ups. Its id is the branch and year. */
export const DemocraticEvaluation = Schema.Struct({
  ...Versioned,
  organizationId: OrganizationId,
  year: Year,
  steps: Schema.Array(StepDone),
  grades: Schema.Array(GradeRecord),
  followUps: Schema.Array(FollowUp)
})
export type DemocraticEvaluation = typeof DemocraticEvaluation.Type

/** 述职评议 — the secretary's report for a year to one audience, its scores and follow-up list. */
export const SecretaryReport = Schema.Struct({
  ...Versioned,
  organizationId: OrganizationId,
  year: Year,
  secretaryId: PersonId,
  audience: Schema.Literal("higherOrganization", "generalAssembly"),
  reportedOn: CivilDate,
  /** Scores out of 100 by scorer group (党员 and the higher organization), with how many scored. */
  scores: Schema.Array(Schema.Struct({ scorer: Schema.Literal("members", "higherOrganization"), score: Schema.Int.pipe(Schema.between(0, 100)), scorers: Schema.Int.pipe(Schema.positive()) })),
  /** 评议等次 given by the higher organization, if any (好, 较好, 一般, 差). */
  rating: Schema.NullOr(Schema.Literal("good", "fairlyGood", "average", "poor")),
  followUps: Schema.Array(Schema.Struct({ item: Text(500), dueOn: CivilDate, ownerId: Schema.NullOr(PersonId) }))
})
export type SecretaryReport = typeof SecretaryReport.Type

/** 问题来源 — where a rectification item was raised. */
export const RectificationOrigin = Schema.Literal("orgLifeMeeting", "evaluation", "inspection", "memberFeedback", "secretaryReport")
export type RectificationOrigin = typeof RectificationOrigin.Type

/** 整改台账 — one issue: its measure, owner and deadline, the re-check, and the closing evidence. */
export const RectificationItem = Schema.Struct({
  ...Versioned,
  organizationId: OrganizationId,
  raisedOn: CivilDate,
  origin: RectificationOrigin,
  issue: Text(1000),
  measure: Schema.NullOr(Text(1000)),
  ownerId: Schema.NullOr(PersonId),
  deadline: Schema.NullOr(CivilDate),
  recheck: Schema.NullOr(Schema.Struct({ on: CivilDate, passed: Schema.Boolean, note: Schema.optional(Text(500)) })),
  closedOn: Schema.NullOr(CivilDate),
  /** Links to the evidence (record ids, document references). */
  evidence: Schema.Array(Text(500))
})
export type RectificationItem = typeof RectificationItem.Type

/** 标准化建设评分 — one branch's checklist scores of a year, each with links to evidence. Its id is the branch and year. */
export const ChecklistScore = Schema.Struct({
  ...Versioned,
  organizationId: OrganizationId,
  year: Year,
  scoredOn: CivilDate,
  items: Schema.Array(Schema.Struct({ itemId: Schema.String, score: Schema.Int.pipe(Schema.nonNegative()), evidence: Schema.Array(Text(500)) })),
  total: Schema.Int.pipe(Schema.nonNegative()),
  maximum: Schema.Int.pipe(Schema.nonNegative())
})
export type ChecklistScore = typeof ChecklistScore.Type

/** 作用发挥 — 承诺 (commitment), 结对 (pairing a party-member teacher with a young teacher), 先锋岗 (vanguard post). */
export const RoleKind = Schema.Literal("commitment", "pairing", "vanguardPost")
export type RoleKind = typeof RoleKind.Type

/** One member-role record for a period, with its feedback outcome once reviewed. */
export const RoleFeedback = Schema.Struct({
  ...Versioned,
  organizationId: OrganizationId,
  memberId: PersonId,
  kind: RoleKind,
  cadence: FeedbackCadence,
  periodStart: CivilDate,
  periodEnd: CivilDate,
  /** For a pairing: the young teacher (not necessarily a member). */
  partner: Schema.NullOr(Text(100)),
  title: Text(200),
  outcome: Schema.NullOr(Schema.Struct({ rating: Schema.Literal("fulfilled", "partly", "notFulfilled"), reviewedOn: CivilDate, note: Schema.optional(Text(500)) }))
}).pipe(Schema.filter((r) => r.periodStart <= r.periodEnd || "a period ends on or after its start"))
export type RoleFeedback = typeof RoleFeedback.Type

/** 党务工作量 — minutes of party work by one person on one day, in a school term. */
export const WorkloadEntry = Schema.Struct({
  ...Versioned,
  organizationId: OrganizationId,
  personId: PersonId,
  /** The school term (学期) id, e.g. `2026-2027-1`. */
  termId: RecordId,
  on: CivilDate,
  minutes: Schema.Int.pipe(Schema.between(1, 24 * 60)),
  activity: Text(200)
})
export type WorkloadEntry = typeof WorkloadEntry.Type
