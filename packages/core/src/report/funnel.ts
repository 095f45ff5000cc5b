import { ageOn, type CivilDate, daysBetween } from "../calendar/civil-date.js"
import { fileState } from "../member/file-state.js"
import type { Member } from "../member/member.js"
import { statusOn } from "../member/sanctions.js"
import type { Organization } from "../org/organization.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { ResolvedRule } from "../profile/rule.js"
import { FigureTally, type RolledUpRow, rollUpFigures } from "./figures.js"
import { placeOn } from "./member-place.js"
import { recruitmentYoungTeacherAgeRule } from "./rules.js"

/** 发展阶段 of the funnel, in order: each file enters them one after another. */
export const funnelStages = ["applicant", "activist", "candidate", "probationary", "full"] as const
/** A stage of the 发展 funnel: 入党申请人, 积极分子, 发展对象, 预备党员, 正式党员. */
export type FunnelStage = (typeof funnelStages)[number]
/** The stages a file can leave for the next one. */
export type SpellStage = Exclude<FunnelStage, "full">
/** The stages a stay is measured in, in order. */
export const spellStages: ReadonlyArray<SpellStage> = ["applicant", "activist", "candidate", "probationary"]

/** One year of the funnel of one organization (or subtree). */
export type FunnelYear = {
  /** Files that entered each stage in the year: 递交申请, 确定积极分子, 列为发展对象, 接收预备党员 (approved), 转正. */
  readonly entered: Readonly<Record<FunnelStage, number>>
  /** Of those that entered a stage in the year, how many reached the next stage by the report date (the cohort's conversion). */
  readonly advanced: Readonly<Record<SpellStage, number>>
  /** Stays in a stage that ended in the year (by moving on), and their days in all: the mean time in the stage is days ÷ spells. */
  readonly spells: Readonly<Record<SpellStage, number>>
  readonly days: Readonly<Record<SpellStage, number>>
}

/** 发展漏斗 figures of one organization: per year, and the young teachers on the report date. */
export type FunnelFigures = {
  readonly years: Readonly<Record<string, FunnelYear>>
  /**
   * Teachers aged up to `report.recruitment.youngTeacherAge` on the report date: party members among
   * them, those in recruitment, and the headcount the caller gave (zhibu keeps no file of a teacher
   * outside the party's work), so the share of party members is `partyMembers ÷ headcount`.
   */
  readonly youngTeachers: { readonly partyMembers: number; readonly inRecruitment: number; readonly headcount: number }
  /** The year's development plan (given by the caller) and the admissions approved in that year. */
  readonly plan: { readonly planned: number; readonly actual: number }
}

const zeroStages = <K extends string>(keys: ReadonlyArray<K>): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>

const zeroYear = (): FunnelYear => ({ entered: zeroStages(funnelStages), advanced: zeroStages(spellStages), spells: zeroStages(spellStages), days: zeroStages(spellStages) })

/** What the funnel is computed from. */
export interface FunnelRecords {
  readonly root: Organization
  /** The organizations as they stood on `asOf`. */
  readonly organizations: ReadonlyArray<Organization>
  readonly fromYear: number
  readonly toYear: number
  readonly asOf: CivilDate
  readonly profile: RuleProfile
  readonly members: Iterable<Member>
  /** The development plan of `toYear`, by organization (a school's, or the county's own figure). */
  readonly plan?: Readonly<Record<string, number>>
  /** Young teachers by organization (headcount of the school, from its staff records). */
  readonly youngTeachers?: Readonly<Record<string, number>>
}

/** 发展党员漏斗 — per organization (own and subtree, rolled up exactly), the funnel of each year. */
export interface RecruitmentFunnel {
  readonly organizationId: string
  readonly fromYear: number
  readonly toYear: number
  readonly asOf: CivilDate
  readonly organizations: ReadonlyArray<RolledUpRow<FunnelFigures>>
  readonly totals: FunnelFigures
  /** The rule that sets the young teachers' age, cited. */
  readonly youngTeacherRule: ResolvedRule<{ readonly maximumAge: number }>
}

/** 转化率 — of the files that entered `stage` in the year, the share that reached the next; null when none entered. */
export const conversionRate = (year: FunnelYear, stage: SpellStage): number | null =>
  year.entered[stage] === 0 ? null : year.advanced[stage] / year.entered[stage]

/** 平均用时 — mean days in `stage` of the stays that ended in the year; null when none ended. */
export const meanDays = (year: FunnelYear, stage: SpellStage): number | null => (year.spells[stage] === 0 ? null : year.days[stage] / year.spells[stage])

/**
 * 发展漏斗 — from the member files: per year from `fromYear` to `toYear`, the files that entered each
 * stage, how many of each cohort reached the next stage by `asOf`, and the days spent in each stage
 * by the stays that ended that year; the young teachers on `asOf`; and the plan of `toYear` against
 * the admissions approved in it. Events count where the member was on their day. Pure.
 */
export const recruitmentFunnel = (records: FunnelRecords): RecruitmentFunnel => {
  const { fromYear, toYear, asOf, profile } = records
  const years = Array.from({ length: Math.max(0, toYear - fromYear + 1) }, (_, i) => String(fromYear + i))
  const zero = (): FunnelFigures => ({
    years: Object.fromEntries(years.map((y) => [y, zeroYear()])),
    youngTeachers: { partyMembers: 0, inRecruitment: 0, headcount: 0 },
    plan: { planned: 0, actual: 0 }
  })
  const tally = new FigureTally(zero)
  const youngTeacherRule = ruleAt(profile, recruitmentYoungTeacherAgeRule, asOf)
  const inRange = (date: CivilDate | undefined): date is CivilDate => date !== undefined && date <= asOf && years.includes(date.slice(0, 4))
  for (const member of records.members) {
    const s = fileState(member, profile, asOf)
    if (s.stage === undefined) continue
    const on: Record<FunnelStage, CivilDate | undefined> = {
      applicant: s.applicationOn,
      activist: s.activistOn,
      candidate: s.candidateOn,
      probationary: s.admissionApprovalOn,
      full: member.steps.length === 0 ? undefined : s.conversionOn
    }
    // A stay starts when the stage is entered; probation runs from the branch meeting (预备期).
    const start: Record<SpellStage, CivilDate | undefined> = { ...on, probationary: s.probationStart }
    for (const [i, stage] of funnelStages.entries()) {
      const date = on[stage]
      if (!inRange(date)) continue
      tally.add(placeOn(member, date), ["years", date.slice(0, 4), "entered", stage])
      const next = funnelStages[i + 1]
      if (next !== undefined && on[next] !== undefined) tally.add(placeOn(member, date), ["years", date.slice(0, 4), "advanced", stage as SpellStage])
    }
    for (const [i, stage] of spellStages.entries()) {
      const from = start[stage]
      const to = on[funnelStages[i + 1]!]
      if (from === undefined || !inRange(to)) continue
      const where = placeOn(member, to)
      tally.add(where, ["years", to.slice(0, 4), "spells", stage])
      tally.add(where, ["years", to.slice(0, 4), "days", stage], Math.max(0, daysBetween(from, to)))
    }
    if (member.category === "teacher" && statusOn(member, asOf) === "active" && s.ended === undefined && ageOn(member.birthDate, asOf) <= youngTeacherRule.parameters.maximumAge) {
      const party = s.stage === "probationary" || s.stage === "full"
      tally.add(placeOn(member, asOf), ["youngTeachers", party ? "partyMembers" : "inRecruitment"])
    }
    if (on.probationary !== undefined && on.probationary <= asOf && on.probationary.startsWith(`${toYear}-`)) tally.add(placeOn(member, on.probationary), ["plan", "actual"])
  }
  for (const [id, n] of Object.entries(records.plan ?? {})) tally.add(id, ["plan", "planned"], n)
  for (const [id, n] of Object.entries(records.youngTeachers ?? {})) tally.add(id, ["youngTeachers", "headcount"], n)
  const rows = rollUpFigures(records.root, records.organizations, tally.result(), zero)
  return { organizationId: records.root.id, fromYear, toYear, asOf, organizations: rows, totals: rows[0]!.subtree, youngTeacherRule }
}
