import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { OrganizationId, PersonId, TenantId } from "../tenant/ids.js"
import { StudyTenths } from "./rules-hours.js"

const RecordId = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: () => "id: 1–64 characters of letters, digits, '.', '_', ':' or '-'" }))
const Year = Schema.Int.pipe(Schema.between(1900, 2999))
const Title = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200))

/**
 * 学时来源 — an attended session (组织生活), a centralized training (集中培训), a party-school course
 * (党校), or other study the county recognizes.
 */
export const StudySource = Schema.Literal("session", "training", "partySchool", "recognized")
export type StudySource = typeof StudySource.Type

/**
 * 学时记录 — hours credited to one member. A session credit names the session and its id is derived
 * from the session and the member, so one session is never credited twice to one member.
 */
export const StudyCredit = Schema.Struct({
  tenantId: TenantId,
  id: RecordId,
  version: Schema.Int.pipe(Schema.positive()),
  memberId: PersonId,
  organizationId: OrganizationId,
  year: Year,
  on: CivilDate,
  source: StudySource,
  sessionId: Schema.NullOr(RecordId),
  tenths: StudyTenths,
  /** Counts as a centralized training (集中培训) for the leaders' target. */
  centralized: Schema.Boolean,
  title: Title
}).pipe(Schema.filter((c) => (c.source === "session") === (c.sessionId !== null) || "a session credit names its session, and only it does"))
export type StudyCredit = typeof StudyCredit.Type

/** 学习计划 — a study item planned for a member (a training already scheduled), shown against the gap. */
export const StudyPlan = Schema.Struct({
  tenantId: TenantId,
  id: RecordId,
  version: Schema.Int.pipe(Schema.positive()),
  memberId: PersonId,
  organizationId: OrganizationId,
  year: Year,
  plannedOn: CivilDate,
  tenths: StudyTenths,
  centralized: Schema.Boolean,
  title: Title
})
export type StudyPlan = typeof StudyPlan.Type

/** 免于学时要求 — the branch's recorded decision that a member is excused for a year (rules.md 7.6). */
export const StudyExcusal = Schema.Struct({
  tenantId: TenantId,
  id: RecordId,
  version: Schema.Int.pipe(Schema.positive()),
  memberId: PersonId,
  organizationId: OrganizationId,
  year: Year,
  reason: Schema.Literal("elderly", "frail", "seriouslyIll"),
  decidedBy: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100)),
  decidedOn: CivilDate
})
export type StudyExcusal = typeof StudyExcusal.Type
