import * as Either from "effect/Either"
import {
  addMonths,
  civilDate,
  type CivilDate,
  type DemocraticEvaluation,
  type DuesAssessment,
  type DuesMonth,
  type DuesPayment,
  democraticEvaluationId,
  duesStartMonth,
  itemsFromEvaluation,
  type Member,
  maximumExcellent,
  type Month,
  monthlyDues,
  monthStart,
  planMonths,
  type RectificationItem,
  recordEvaluationGrades,
  recordEvaluationStep,
  sessionCredits,
  type StudyCredit,
  type StudyPlan
} from "../internal/core.js"
import { type Rng, rngFor } from "./prng.js"
import type { BranchPlan, PlanContext, WorldPlan } from "./world.js"
import { branchMembers } from "./members.js"

/**
 * 年度周期 — one branch's year of dues, study and evaluation, generated from the plan and the
 * branch's members through core's own rules (`monthlyDues`, `planMonths`, `sessionCredits`, the
 * evaluation procedure), so every record is one the services would have written. Stored form
 * (version 1). Each concern draws from its own stream (`rngFor(seed, "dues" | "study" |
 * "evaluation", branch)`), so adding it changes nothing else the generator makes.
 */
export interface BranchCycles {
  readonly duesAssessments: ReadonlyArray<DuesAssessment>
  /** Every member's months from their first dues month to December: most paid, some in arrears. */
  readonly duesMonths: ReadonlyArray<DuesMonth>
  readonly duesPayments: ReadonlyArray<DuesPayment>
  /** Twelve 主题党日 credited to those present, trainings and party-school courses. */
  readonly studyCredits: ReadonlyArray<StudyCredit>
  /** Planned items for about half of the members behind their target. */
  readonly studyPlans: ReadonlyArray<StudyPlan>
  /** The branch's 民主评议 of the year, determined and notified in December (null for a branch of fewer than 3). */
  readonly evaluation: DemocraticEvaluation | null
  /** The rectification items its determination raises (`itemsFromEvaluation`: one per 基本合格 / 不合格 member), as the service writes them. */
  readonly rectificationItems: ReadonlyArray<RectificationItem>
}

const pad2 = (n: number) => String(n).padStart(2, "0")
const stored = <A>(record: A): A & { readonly version: 1 } => ({ ...record, version: 1 as const })
const onRoll = (m: Member) => m.status === "active" && (m.stage === "probationary" || m.stage === "full")

const leadersOf = (b: BranchPlan): ReadonlySet<string> =>
  new Set([...(b.leadership.secretaryId === null ? [] : [b.leadership.secretaryId]), ...b.leadership.deputySecretaryIds, ...b.leadership.committeeMemberIds])

const duesOf = (ctx: PlanContext, members: ReadonlyArray<Member>, rng: Rng) => {
  const assessments: Array<DuesAssessment> = []
  const months: Array<DuesMonth> = []
  const payments: Array<DuesPayment> = []
  const january = `${ctx.year}-01` as Month
  for (const m of members.filter(onRoll)) {
    const start = duesStartMonth(m, ctx.profile)
    if (start === null || start > (`${ctx.year}-12` as Month)) continue
    const from = start > january ? start : january
    const category = m.category === "retired" ? "retiree" : m.category === "student" ? "student" : "employed"
    const monthly = rng.int(2_500, 12_000) * 100
    const income = category === "student" ? undefined : { monthly: monthly as never, deductions: [{ item: "incomeTax" as const, amount: Math.floor(monthly * rng.int(0, 5) / 100) as never }] }
    const amount = monthlyDues(m.id, { category, income }, ctx.profile, monthStart(from))
    if (Either.isLeft(amount)) continue
    const assessmentId = `${m.id}.d${ctx.year}`
    assessments.push(
      stored({
        tenantId: m.tenantId,
        id: assessmentId,
        memberId: m.id,
        organizationId: m.organizationId,
        year: ctx.year,
        kind: "annual" as const,
        fromMonth: from,
        category,
        income: income ?? null,
        hardship: null,
        computed: amount.right.computed,
        monthlyAmount: amount.right.monthlyAmount,
        decidedOn: monthStart(from)
      })
    )
    // One member in 25 stops paying at some month; the others pay every month on its 10th.
    const stopsAfter = rng.chance(0.04) ? rng.int(1, 11) : 12
    for (const [i, month] of planMonths({ tenantId: m.tenantId, memberId: m.id, organizationId: m.organizationId }, assessmentId, amount.right.monthlyAmount, from, []).creates.entries()) {
      if (i >= stopsAfter || month.due === 0) {
        months.push(stored(month))
        continue
      }
      const paidOn = civilDate(`${month.month}-10`)
      const paymentId = `${m.id}.p${month.month.replace("-", "")}`
      months.push(stored({ ...month, paid: month.due, paymentId, paidOn }))
      payments.push(
        stored({
          tenantId: m.tenantId,
          id: paymentId,
          memberId: m.id,
          organizationId: m.organizationId,
          paidOn,
          method: "monthly" as const,
          paidBy: null,
          consentOn: null,
          months: [{ month: month.month, amount: month.due }],
          amount: month.due,
          voluntary: 0 as never,
          toCentre: 0 as never
        })
      )
    }
  }
  return { assessments, months, payments }
}

const studyOf = (ctx: PlanContext, b: BranchPlan, members: ReadonlyArray<Member>, rng: Rng) => {
  const roll = members.filter(onRoll)
  const leaders = leadersOf(b)
  const credits: Array<StudyCredit> = []
  for (let month = 1; month <= 12; month++) {
    const session = { id: `${b.id}.td${ctx.year}${pad2(month)}`, kinds: ["themeDay"], date: civilDate(`${ctx.year}-${pad2(month)}-05`), organizationId: b.id, title: "主题党日" }
    const attendance = roll.map((m) => ({ memberId: m.id as string, status: rng.chance(0.88) ? ("present" as const) : ("leave" as const) }))
    credits.push(...sessionCredits(ctx.tenantId, session, attendance, () => b.id, ctx.profile).map(stored))
  }
  const plans: Array<StudyPlan> = []
  for (const m of roll) {
    const leader = leaders.has(m.id)
    const trainings = rng.int(0, 2)
    for (let t = 0; t < trainings; t++) {
      credits.push(stored({ tenantId: m.tenantId, id: `${m.id}.t${ctx.year}${t}`, memberId: m.id, organizationId: m.organizationId, year: ctx.year, on: civilDate(`${ctx.year}-${pad2(3 + 4 * t)}-15`), source: t === 0 ? ("training" as const) : ("partySchool" as const), sessionId: null, tenths: 80, centralized: false, title: t === 0 ? "集中轮训" : "网络党校" }))
    }
    if (leader && rng.chance(0.9))
      credits.push(stored({ tenantId: m.tenantId, id: `${m.id}.c${ctx.year}`, memberId: m.id, organizationId: m.organizationId, year: ctx.year, on: civilDate(`${ctx.year}-07-20`), source: "training" as const, sessionId: null, tenths: 240, centralized: true, title: "书记和支委集中培训" }))
    if (rng.chance(0.3))
      plans.push(stored({ tenantId: m.tenantId, id: `${m.id}.plan${ctx.year}`, memberId: m.id, organizationId: m.organizationId, year: ctx.year, plannedOn: civilDate(`${ctx.year}-12-20`), tenths: 80, centralized: leader, title: "冬训" }))
  }
  return { credits, plans }
}

const evaluationOf = (ctx: PlanContext, b: BranchPlan, members: ReadonlyArray<Member>, rng: Rng): DemocraticEvaluation | null => {
  const roll = members.filter(onRoll)
  if (roll.length < 3) return null
  const day = (d: number) => civilDate(`${ctx.year}-12-${pad2(d)}`)
  const open: DemocraticEvaluation = {
    tenantId: roll[0]!.tenantId,
    id: democraticEvaluationId(b.id, ctx.year),
    version: 1,
    organizationId: b.id as DemocraticEvaluation["organizationId"],
    year: ctx.year,
    steps: [{ step: "preparation", date: day(1) }],
    grades: [],
    followUps: []
  }
  const excellent = rng.int(0, maximumExcellent(roll.length, ctx.profile, day(10)))
  const weak = rng.chance(0.15) ? 1 : 0
  const grades = roll.map((m, i) => ({ memberId: m.id, grade: i < excellent ? ("excellent" as const) : i >= roll.length - weak ? ("basicallyQualified" as const) : ("qualified" as const), atHost: false }))
  const run = Either.flatMap(recordEvaluationStep(open, { step: "selfAndMutual", date: day(5) }, ctx.profile), (c) =>
    Either.flatMap(recordEvaluationStep(c, { step: "rating", date: day(10) }, ctx.profile), (c2) =>
      Either.flatMap(recordEvaluationGrades(c2, grades, new Set(roll.map((m) => m.id as string)), ctx.profile, day(10)), (c3) =>
        Either.flatMap(recordEvaluationStep(c3, { step: "determination", date: day(15), by: "committee" }, ctx.profile), (c4) =>
          recordEvaluationStep(c4, { step: "notification", date: day(20) }, ctx.profile)
        )
      )
    )
  )
  if (Either.isLeft(run)) throw new Error(`generated evaluation of ${b.id} was refused: ${run.left.message}`)
  const determinedOn = day(15)
  return { ...run.right, followUps: run.right.followUps.map((f) => ({ ...f, talkOn: day(18), correctionUntil: addMonths(determinedOn, 6) as CivilDate })) }
}

/** One branch's year of dues, study and evaluation (see {@link BranchCycles}). */
export const branchCycles = (ctx: PlanContext, b: BranchPlan, members: ReadonlyArray<Member>): BranchCycles => {
  const dues = duesOf(ctx, members, rngFor(ctx.seed, "dues", b.index))
  const study = studyOf(ctx, b, members, rngFor(ctx.seed, "study", b.index))
  const evaluation = evaluationOf(ctx, b, members, rngFor(ctx.seed, "evaluation", b.index))
  return {
    duesAssessments: dues.assessments,
    duesMonths: dues.months,
    duesPayments: dues.payments,
    studyCredits: study.credits,
    studyPlans: study.plans,
    evaluation,
    rectificationItems: evaluation === null ? [] : itemsFromEvaluation(evaluation, b.leadership.secretaryId, ctx.profile).map(stored)
  }
}

/** The branches one at a time with their members and their year of cycles: memory stays that of one branch. */
export function* generateCycles(plan: WorldPlan): Generator<{ readonly plan: BranchPlan; readonly members: ReadonlyArray<Member>; readonly cycles: BranchCycles }> {
  for (const b of plan.branches) {
    const members = branchMembers(plan, b)
    yield { plan: b, members, cycles: branchCycles(plan, b, members) }
  }
}
