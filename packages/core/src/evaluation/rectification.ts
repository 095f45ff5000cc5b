import * as Either from "effect/Either"
import type { CivilDate } from "../calendar/civil-date.js"
import { type Finding, finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import { EvaluationRejected } from "./errors.js"
import type { RectificationItem } from "./records.js"
import { rectificationDeadlineRule } from "./rules-standards.js"

type Result = Either.Either<RectificationItem, EvaluationRejected>

/** 整改状态 — raised, with a measure (owner and deadline), re-checked, closed. */
export type RectificationStatus = "raised" | "inProgress" | "rechecked" | "closed"

/** The {@link RectificationStatus} of an item: closed, re-checked, with a measure, or only raised. */
export const rectificationStatus = (item: RectificationItem): RectificationStatus =>
  item.closedOn !== null ? "closed" : item.recheck !== null ? "rechecked" : item.measure !== null ? "inProgress" : "raised"

const refuse = (item: RectificationItem, profile: RuleProfile, zh: string, en: string, missing?: string): Result =>
  Either.left(
    new EvaluationRejected({
      subjectId: item.id,
      ...refusedBy(ruleAt(profile, rectificationDeadlineRule, item.raisedOn), { zh, en }, missing === undefined ? {} : { missing })
    })
  )

/** 整改措施 — the measure, its owner and its deadline (not before the day the issue was raised). */
export const planMeasure = (item: RectificationItem, plan: { readonly measure: string; readonly ownerId: string; readonly deadline: CivilDate }, profile: RuleProfile): Either.Either<RectificationItem, EvaluationRejected> => {
  if (item.closedOn !== null) return refuse(item, profile, "整改事项已销号", "the item is closed")
  if (plan.deadline < item.raisedOn) return refuse(item, profile, "整改时限早于问题提出日期", "the deadline is before the issue was raised")
  return Either.right({ ...item, measure: plan.measure, ownerId: plan.ownerId as RectificationItem["ownerId"], deadline: plan.deadline })
}

/** 复查 — after a measure; a failed re-check keeps the item open (a new measure or deadline may follow). */
export const recheckItem = (item: RectificationItem, recheck: NonNullable<RectificationItem["recheck"]>, profile: RuleProfile): Either.Either<RectificationItem, EvaluationRejected> => {
  if (item.measure === null) return refuse(item, profile, "复查前须先明确整改措施", "a re-check needs a measure first", "measure")
  if (item.closedOn !== null) return refuse(item, profile, "整改事项已销号", "the item is closed")
  if (recheck.on < item.raisedOn) return refuse(item, profile, "复查日期早于问题提出日期", "the re-check is before the issue was raised")
  return Either.right({ ...item, recheck })
}

/** 销号 — needs a passed re-check and at least one piece of closing evidence. */
export const closeItem = (item: RectificationItem, close: { readonly on: CivilDate; readonly evidence: ReadonlyArray<string> }, profile: RuleProfile): Either.Either<RectificationItem, EvaluationRejected> => {
  if (item.recheck === null || !item.recheck.passed) return refuse(item, profile, "销号前须复查通过", "closing needs a passed re-check", "recheck")
  if (close.evidence.length === 0) return refuse(item, profile, "销号须附整改佐证材料", "closing needs evidence", "evidence")
  if (close.on < item.recheck.on) return refuse(item, profile, "销号日期早于复查日期", "the closing date is before the re-check")
  return Either.right({ ...item, closedOn: close.on, evidence: [...item.evidence, ...close.evidence] })
}

/** Overdue on `today`: a deadline passed and the item not closed. */
export const isOverdue = (item: RectificationItem, today: CivilDate): boolean => item.closedOn === null && item.deadline !== null && item.deadline < today

/** 逾期提示 — a flag for every item past its deadline and not closed, naming the owner and the deadline. */
export const rectificationFindings = (items: ReadonlyArray<RectificationItem>, profile: RuleProfile, today: CivilDate): ReadonlyArray<Finding> =>
  items.filter((i) => isOverdue(i, today)).map((i) =>
    finding(
      ruleAt(profile, rectificationDeadlineRule, i.raisedOn),
      "flag",
      { kind: "organization", id: i.organizationId },
      { zh: `整改事项“${i.issue}”已于 ${i.deadline} 逾期未销号（责任人 ${i.ownerId ?? "未定"}）`, en: `rectification "${i.issue}" was due on ${i.deadline} and is not closed (owner ${i.ownerId ?? "none"})` },
      i.deadline ?? undefined
    )
  )

/**
 * 转入下一年度 — the items of earlier years still open on 1 January of `year`: the list the year's
 * self-review (对照检查) starts from, when the profile carries items over.
 */
export const carriedInto = (items: ReadonlyArray<RectificationItem>, year: number, profile: RuleProfile): ReadonlyArray<RectificationItem> => {
  const start = `${year}-01-01` as CivilDate
  if (!ruleAt(profile, rectificationDeadlineRule, start).parameters.carryOver) return []
  return items.filter((i) => i.raisedOn < start && (i.closedOn === null || i.closedOn >= start))
}
