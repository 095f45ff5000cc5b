import * as Either from "effect/Either"
import type { CivilDate } from "../calendar/civil-date.js"
import { PlanMoveRefused } from "./errors.js"
import { comparePlanItems, type PlanItem, type YearPlan } from "./plan.js"

const sameObligation = (a: PlanItem, b: PlanItem): boolean =>
  a.organizationId === b.organizationId && a.meetingKind === b.meetingKind && a.speaker === b.speaker

/**
 * 调整计划 — moves a planned meeting to `to`. Allowed when the cadence stays satisfied: the new day is
 * in the same period, or another item of the same kind (and speaker) of the same organization still
 * falls in the old period. Otherwise refused, naming the cadence rule and the days the item may move
 * to (`allowedFrom`–`allowedUntil`). Milestones and election dates are deadlines and do not move.
 */
export const movePlanItem = (plan: YearPlan, itemId: string, to: CivilDate): Either.Either<YearPlan, PlanMoveRefused> => {
  const item = plan.items.find((i) => i.id === itemId)
  if (item === undefined) {
    return Either.left(new PlanMoveRefused({ itemId, text: { zh: "年度计划中没有该事项", en: "the plan has no such item" }, missing: "item" }))
  }
  if (item.type !== "meeting" || item.period === undefined) {
    return Either.left(
      new PlanMoveRefused({ itemId, text: { zh: "期限类事项不能调整日期", en: "a deadline is not a plan item that can be moved" } })
    )
  }
  const period = item.period
  const stays = period.start <= to && to <= period.end
  const covered = plan.items.some((other) => other.id !== item.id && sameObligation(other, item) && period.start <= other.date && other.date <= period.end)
  if (!stays && !covered) {
    return Either.left(
      new PlanMoveRefused({
        itemId,
        ruleId: item.ruleId,
        source: item.source,
        text: {
          zh: `${item.title.zh}改到${to}后，${period.label}将没有该会议；只能在${period.start}至${period.end}之间调整`,
          en: `moving ${item.title.en} to ${to} would leave ${period.label} without one; move it within ${period.start} to ${period.end}`
        },
        allowedFrom: period.start,
        allowedUntil: period.end
      })
    )
  }
  const { inVacation: _was, ...rest } = item
  const moved: PlanItem = { ...rest, date: to }
  return Either.right({ ...plan, items: plan.items.map((i) => (i.id === itemId ? moved : i)).sort(comparePlanItems) })
}

/** Applies moves in order; the first refused move is the refusal. */
export const applyPlanMoves = (
  plan: YearPlan,
  moves: ReadonlyArray<{ readonly itemId: string; readonly to: CivilDate }>
): Either.Either<YearPlan, PlanMoveRefused> => {
  let current: Either.Either<YearPlan, PlanMoveRefused> = Either.right(plan)
  for (const m of moves) current = Either.flatMap(current, (p) => movePlanItem(p, m.itemId, m.to))
  return current
}
