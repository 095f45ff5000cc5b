import { type CivilDate, monthsBetween } from "../calendar/civil-date.js"
import { fileState } from "../member/file-state.js"
import type { Member, MemberStage } from "../member/member.js"
import { memberStageNames } from "../member/status-names.js"
import { type Finding, finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { AgendaSubject } from "./agenda.js"
import { memberSubject } from "./member-agenda.js"
import { recruitmentStalledRule } from "./rules.js"

/** A stage a file can stall in. */
export type StallingStage = Extract<MemberStage, "applicant" | "activist" | "candidate">

/** 培养停滞 — a file that has stayed in its stage too long with no recent step, and the finding that says so. */
export interface StalledFile {
  readonly subject: Extract<AgendaSubject, { readonly kind: "member" }>
  readonly stage: StallingStage
  /** The day the file entered the stage. */
  readonly since: CivilDate
  /** Whole months in the stage on today. */
  readonly months: number
  /** The last assessment (an activist's) or the last step (otherwise). */
  readonly lastActivity: CivilDate
  readonly finding: Finding
}

const limitKey = { applicant: "applicantMonths", activist: "activistMonths", candidate: "candidateMonths" } as const

/**
 * 培养停滞 — the active files in recruitment that have stayed in their stage longer than
 * `report.recruitment.stalled` allows (18 months for an activist by default) with no assessment (an
 * activist) or no step (otherwise) in its last `quietMonths`, sorted by the longest stay first. Each
 * carries a `warning` citing the rule.
 */
export const stalledFiles = (members: ReadonlyArray<Member>, profile: RuleProfile, today: CivilDate): ReadonlyArray<StalledFile> => {
  const rule = ruleAt(profile, recruitmentStalledRule, today)
  const out: Array<StalledFile> = []
  for (const member of members) {
    if (member.status !== "active") continue
    const s = fileState(member, profile, today)
    if (s.ended !== undefined || (s.stage !== "applicant" && s.stage !== "activist" && s.stage !== "candidate")) continue
    const stage = s.stage
    const since = stage === "applicant" ? s.applicationOn : stage === "activist" ? s.activistOn : s.candidateOn
    if (since === undefined) continue
    const months = monthsBetween(since, today)
    const lastActivity = (stage === "activist" ? (s.lastActivistAssessmentOn ?? s.activistOn) : s.lastDate) ?? since
    const quiet = monthsBetween(lastActivity, today)
    if (months <= rule.parameters[limitKey[stage]] || quiet < rule.parameters.quietMonths) continue
    const name = memberStageNames[stage]
    const activity = stage === "activist" ? { zh: "考察", en: "assessment" } : { zh: "发展步骤", en: "recruitment step" }
    out.push({
      subject: memberSubject(member),
      stage,
      since,
      months,
      lastActivity,
      finding: finding(rule, "warning", { kind: "member", id: member.id }, {
        zh: `${member.name}自${since}起为${name.zh}已${months}个月，超过${rule.parameters[limitKey[stage]]}个月，且${quiet}个月无${activity.zh}记录（最近一次${lastActivity}）`,
        en: `${member.name}: ${name.en} since ${since} (${months} months, more than ${rule.parameters[limitKey[stage]]}), with no ${activity.en} for ${quiet} months (last on ${lastActivity})`
      })
    })
  }
  return out.sort((a, b) => (a.since !== b.since ? (a.since < b.since ? -1 : 1) : a.subject.id < b.subject.id ? -1 : 1))
}
