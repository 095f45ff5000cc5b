import * as Schema from "effect/Schema"
import { FreeText, Label } from "../text/free-text.js"
import { CivilDate } from "../calendar/civil-date.js"
import { OrganizationId, PersonId, TenantId } from "../tenant/ids.js"
import { DisplayText } from "../text/display-text.js"
import { IdNumber, PhoneNumber } from "./personal-data.js"
import { StepRecord } from "./step.js"
import { TransferReview } from "./transfer-review.js"

/** 发展阶段 — applicant 入党申请人, activist 入党积极分子, candidate 发展对象, probationary 预备党员, full 正式党员. */
export const MemberStage = Schema.Literal("applicant", "activist", "candidate", "probationary", "full")
export type MemberStage = typeof MemberStage.Type

/**
 * 状态 — `active`, or an exit or special state: probation cancelled (取消预备党员资格), transferred
 * out (转出), lapsed (自行脱党, decided by the branch), suspended (停止党籍), removed (除名),
 * deceased (去世), or not admitted (application closed without admission).
 */
export const MemberStatus = Schema.Literal(
  "active",
  "probationCancelled",
  "transferredOut",
  "lapsed",
  "suspended",
  "removed",
  "deceased",
  "closed"
)
export type MemberStatus = typeof MemberStatus.Type

/** 党纪处分 and measures that affect rights: 留党察看 and 留置 remove voting rights while in force. */
export const Sanction = Schema.Struct({
  kind: Schema.Literal("warning", "seriousWarning", "removalFromPost", "probationWithinParty", "detention"),
  from: CivilDate,
  /** The end of the sanction or its 影响期; absent while open-ended. */
  until: Schema.optional(CivilDate),
  decidedBy: Label
})
export type Sanction = typeof Sanction.Type

/** A change of status, decided by a person and recorded with its date. */
export const StatusChange = Schema.Struct({
  status: MemberStatus,
  date: CivilDate,
  decidedBy: Label,
  reason: Schema.optional(FreeText),
  /** For a transfer: the receiving organization's name and the letter number (介绍信). */
  transfer: Schema.optional(
    Schema.Struct({ to: FreeText, letterNumber: Schema.optional(Label) })
  )
})
export type StatusChange = typeof StatusChange.Type

/** A human decision on a flag the library raised (e.g. a six-month signal judged 有正当理由). */
export const FlagDecision = Schema.Struct({
  ruleId: Schema.String,
  date: CivilDate,
  decidedBy: Label,
  outcome: Schema.Literal("justified", "notJustified", "noted"),
  note: Schema.optional(FreeText)
})
export type FlagDecision = typeof FlagDecision.Type

/**
 * 原所在组织 — a branch the member's file was in before a move inside the tenant (a transfer
 * received, a rotation, a split or merge), up to the day before `until`: the roll of a past date.
 */
export const FormerOrganization = Schema.Struct({ organizationId: OrganizationId, until: CivilDate })
export type FormerOrganization = typeof FormerOrganization.Type

/** 人员类别 — decides which dues bracket applies later; recorded at registration. */
export const MemberCategory = Schema.Literal("teacher", "staff", "student", "retired", "other")
export type MemberCategory = typeof MemberCategory.Type

/** 党员（含申请人、积极分子、发展对象）— one person's party file in one tenant. */
export const Member = Schema.Struct({
  tenantId: TenantId,
  id: PersonId,
  version: Schema.Int.pipe(Schema.positive()),
  organizationId: OrganizationId,
  /** 党小组 — the party group the member is placed in, if any. */
  partyGroupId: Schema.NullOr(OrganizationId),
  name: DisplayText(1, 100),
  gender: Schema.Literal("female", "male"),
  birthDate: CivilDate,
  /**
   * 居民身份证号 — personal data: absent when not recorded (and in files stored before it existed);
   * reads return it masked unless full values are asked for (see `docs/personal-data.md`).
   */
  idNumber: Schema.optionalWith(IdNumber, { exact: true, nullable: true }),
  /** 联系电话 — personal data, like `idNumber`: absent when not recorded, masked in reads by default. */
  phone: Schema.optionalWith(PhoneNumber, { exact: true, nullable: true }),
  category: MemberCategory,
  stage: MemberStage,
  status: MemberStatus,
  /** The recruitment file, steps in the order recorded. Members who joined before zhibu carry `joinedOn`. */
  steps: Schema.Array(StepRecord),
  /** 入党时间 for members entered without a recruitment file (joined before the records began). */
  joinedOn: Schema.NullOr(CivilDate),
  /** 转正时间 — 党龄 counts from here (for members entered without a file). */
  convertedOn: Schema.NullOr(CivilDate),
  statusHistory: Schema.Array(StatusChange),
  sanctions: Schema.Array(Sanction),
  flagDecisions: Schema.Array(FlagDecision),
  /** The last date the organization could reach the member (for 失联). */
  lastContactOn: Schema.NullOr(CivilDate),
  /**
   * The organizations the file was in before the current one, oldest first (each until the day it
   * left). Absent (like empty) in a file that never moved, and in files stored before moves were
   * recorded.
   */
  formerOrganizations: Schema.optional(Schema.Array(FormerOrganization)),
  /**
   * 转入审查 — reviews of a transferred-in file that could not be verified (rules.md 4.29), oldest
   * first, each with its decision once recorded. Absent (like empty) in files never questioned.
   */
  transferReviews: Schema.optional(Schema.Array(TransferReview))
})
export type Member = typeof Member.Type
