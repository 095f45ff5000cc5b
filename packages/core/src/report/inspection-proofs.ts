import type { CivilDate } from "../calendar/civil-date.js"
import type { BranchCompliance } from "../meeting/compliance.js"
import { meetingKindNames } from "../meeting/kind.js"
import type { Meeting } from "../meeting/meeting.js"
import type { Member } from "../member/member.js"
import { timeline } from "../member/timeline.js"
import type { LeadershipRecord } from "../org/history-leadership.js"
import type { Organization } from "../org/organization.js"
import { termFindings } from "../org/term.js"
import { withCitation } from "../profile/citation.js"
import type { Finding } from "../profile/finding.js"
import { type RuleProfile, ruleAt } from "../profile/profile.js"
import type { ResolvedRule } from "../profile/rule.js"
import type { Message } from "../i18n/message.js"
import { evaluationFindings } from "../evaluation/democratic.js"
import type { ChecklistScore, DemocraticEvaluation, RectificationItem, RoleFeedback, SecretaryReport } from "../evaluation/records.js"
import { rectificationFindings } from "../evaluation/rectification.js"
import { roleFeedbackFindings, secretaryReportFindings } from "../evaluation/reviews.js"
import { checklistStandardsRule, democraticProcedureRule, roleFeedbackCadencesRule } from "../evaluation/rules.js"
import { paymentMethodsRule } from "../dues/rules-ledger.js"
import type { StudyStatus } from "../study/ledger.js"
import type { EvidenceKind } from "./rules.js"

/** A stored record that proves an inspection item: its kind and id, its date, and what it is. */
export interface EvidenceRecord {
  readonly kind: string
  readonly id: string
  readonly date?: CivilDate | undefined
  readonly label: Message
}

/** What is missing for an item, citing the rule that asks for it. */
export interface MissingEvidence {
  readonly ruleId: string
  readonly message: Message
}

/** The records of one branch and year that an inspection pack draws on (read by the service). */
export interface InspectionRecords {
  readonly branch: Organization
  readonly year: number
  readonly asOf: CivilDate
  readonly profile: RuleProfile
  readonly meetings: ReadonlyArray<Meeting>
  readonly compliance: ReadonlyArray<BranchCompliance>
  readonly leadership: ReadonlyArray<LeadershipRecord>
  readonly secretaryReports: ReadonlyArray<SecretaryReport>
  readonly evaluations: ReadonlyArray<DemocraticEvaluation>
  readonly rectification: ReadonlyArray<RectificationItem>
  readonly checklists: ReadonlyArray<ChecklistScore>
  readonly roles: ReadonlyArray<RoleFeedback>
  /** The branch's dues months of the year (up to `asOf`), in fen. */
  readonly duesMonths: ReadonlyArray<{ readonly month: string; readonly due: number; readonly paid: number }>
  /** Study status of each member on the roll at `asOf`. */
  readonly study: ReadonlyArray<StudyStatus>
  readonly members: ReadonlyArray<Member>
}

/** The proof of one kind of evidence for one item. */
export interface Proof {
  readonly records: ReadonlyArray<EvidenceRecord>
  readonly missing: ReadonlyArray<MissingEvidence>
}

const fromFinding = (f: Finding): MissingEvidence => ({ ruleId: f.ruleId, message: f.message })
const missingBy = (rule: ResolvedRule, zh: string, en: string): MissingEvidence => ({ ruleId: rule.id, message: withCitation(rule, { zh, en }) })
const serious = (f: Finding) => f.severity === "violation" || f.severity === "warning"
const yearEnd = (year: number) => `${year}-12-31` as CivilDate

const meetingRecord = (m: Meeting): EvidenceRecord => ({
  kind: "meeting",
  id: m.id,
  date: m.date,
  label: {
    zh: m.kinds.map((k) => (meetingKindNames as Record<string, Message>)[k]?.zh ?? k).join("、"),
    en: m.kinds.map((k) => (meetingKindNames as Record<string, Message>)[k]?.en ?? k).join(", ")
  }
})

/** Meeting obligations short of the rule: periods ended as a gap, and periods not over yet with too few held. */
const shortfalls = (records: InspectionRecords, secretaryLecture: boolean): ReadonlyArray<MissingEvidence> =>
  records.compliance.flatMap((c) =>
    c.obligations
      .filter((o) => (o.rule.id === "meeting.lecture.secretaryYearly") === secretaryLecture)
      .flatMap((o) =>
        o.periods
          .filter((p) => p.required > p.held && (p.state === "gap" || p.state === "open"))
          .map((p) =>
            missingBy(
              o.rule,
              `${o.name.zh}：${p.period.label}${p.state === "gap" ? "未召开" : "尚未召开"}（应开${p.required}次，已开${p.held}次）`,
              `${o.name.en}: ${p.period.label} ${p.state === "gap" ? "was missed" : "not held yet"} (${p.held} of ${p.required})`
            )
          )
      )
  )

/** How each kind of evidence is proved from the records, and what is missing. */
export const proofs: Readonly<Record<EvidenceKind, (r: InspectionRecords) => Proof>> = {
  meetings: (r) => ({ records: r.meetings.map(meetingRecord), missing: shortfalls(r, false) }),
  secretaryLecture: (r) => ({
    records: r.meetings.filter((m) => m.kinds.includes("lecture") && m.lecturer?.isSecretary === true).map(meetingRecord),
    missing: shortfalls(r, true)
  }),
  election: (r) => {
    const elections = r.leadership.filter((l) => l.basis === "election" && l.effectiveOn <= r.asOf)
    const records: Array<EvidenceRecord> = elections.map((l) => ({ kind: "leadershipRecord", id: l.id, date: l.effectiveOn, label: { zh: "换届选举", en: "election" } }))
    const term = r.branch.term
    if (records.length === 0 && term !== null && term.electedOn <= r.asOf) {
      records.push({ kind: "organization", id: r.branch.id, date: term.electedOn, label: { zh: `换届选举（任期${term.years}年）`, en: `election (term of ${term.years} years)` } })
    }
    return { records, missing: termFindings(r.branch, r.profile, r.asOf).filter(serious).map(fromFinding) }
  },
  secretaryReport: (r) => ({
    records: r.secretaryReports.map((s) => ({ kind: "secretaryReport", id: s.id, date: s.reportedOn, label: { zh: "书记述职评议", en: "secretary's report" } })),
    missing: secretaryReportFindings(r.branch.id, r.secretaryReports, r.year, r.profile, r.asOf).map(fromFinding)
  }),
  democraticEvaluation: (r) => {
    const rule = ruleAt(r.profile, democraticProcedureRule, yearEnd(r.year))
    const records = r.evaluations.map((e): EvidenceRecord => ({ kind: "democraticEvaluation", id: e.id, date: e.steps.at(-1)?.date, label: { zh: `民主评议党员（评定${e.grades.length}人）`, en: `democratic evaluation (${e.grades.length} graded)` } }))
    const missing = r.evaluations.length === 0 ? [missingBy(rule, `${r.year}年民主评议党员未记录`, `no democratic evaluation for ${r.year} is recorded`)] : r.evaluations.flatMap((e) => evaluationFindings(e, r.profile, r.asOf).filter(serious).map(fromFinding))
    return { records, missing }
  },
  rectification: (r) => ({
    records: r.rectification.filter((i) => i.closedOn !== null && i.closedOn <= r.asOf).map((i) => ({ kind: "rectificationItem", id: i.id, date: i.closedOn!, label: { zh: `整改完成：${i.issue}`, en: `rectification closed: ${i.issue}` } })),
    missing: rectificationFindings(r.rectification, r.profile, r.asOf).map(fromFinding)
  }),
  checklistScore: (r) => {
    const rule = ruleAt(r.profile, checklistStandardsRule, yearEnd(r.year))
    const records = r.checklists.map((c): EvidenceRecord => ({ kind: "checklistScore", id: c.id, date: c.scoredOn, label: { zh: `标准化建设评分 ${c.total}/${c.maximum}`, en: `standardization score ${c.total}/${c.maximum}` } }))
    return { records, missing: records.length === 0 ? [missingBy(rule, `${r.year}年标准化建设未评分`, `the ${r.year} standardization checklist is not scored`)] : [] }
  },
  roleFeedback: (r) => {
    const rule = ruleAt(r.profile, roleFeedbackCadencesRule, yearEnd(r.year))
    const records = r.roles.map((f): EvidenceRecord => ({ kind: "roleFeedback", id: f.id, date: f.periodStart, label: { zh: f.title, en: f.title } }))
    const missing = records.length === 0 ? [missingBy(rule, `${r.year}年承诺、结对、先锋岗未记录`, `no commitment, pairing or vanguard post is recorded for ${r.year}`)] : roleFeedbackFindings(r.roles, r.profile, r.asOf).filter(serious).map(fromFinding)
    return { records, missing }
  },
  duesLedger: (r) => {
    const rule = ruleAt(r.profile, paymentMethodsRule, r.asOf)
    const records = r.duesMonths.map((m): EvidenceRecord => ({ kind: "duesMonth", id: m.month, label: { zh: `${m.month} 应交${m.due}分，实交${m.paid}分`, en: `${m.month}: ${m.due} fen due, ${m.paid} paid` } }))
    const short = r.duesMonths.filter((m) => m.paid < m.due)
    const missing =
      records.length === 0
        ? [missingBy(rule, `${r.year}年党费台账未记录`, `no dues ledger for ${r.year} is recorded`)]
        : short.map((m) => missingBy(rule, `${m.month} 党费欠交${m.due - m.paid}分`, `${m.month}: ${m.due - m.paid} fen of dues unpaid`))
    return { records, missing }
  },
  studyLedger: (r) => {
    const final = r.asOf >= yearEnd(r.year)
    const behind = r.study.filter((s) => s.status === "behind")
    const byId = new Map(r.members.map((m) => [m.id as string, m.name]))
    return {
      records: r.study.filter((s) => s.status === "met").map((s) => ({ kind: "studyLedger", id: s.memberId, label: { zh: `${byId.get(s.memberId) ?? s.memberId} 学时达标`, en: `${byId.get(s.memberId) ?? s.memberId}: study hours met` } })),
      missing: behind.map((s) =>
        missingBy(s.rule, `${byId.get(s.memberId) ?? s.memberId} 学时${final ? "未达标" : "尚未达标"}，差${s.gap / 10}学时`, `${byId.get(s.memberId) ?? s.memberId}: ${s.gap / 10} study hours ${final ? "short" : "still to go"}`)
      )
    }
  },
  memberFiles: (r) => {
    const inFiles = r.members.filter((m) => m.steps.length > 0)
    return {
      records: inFiles.map((m) => ({ kind: "member", id: m.id, label: { zh: `${m.name} 发展档案`, en: `${m.name}: recruitment file` } })),
      missing: inFiles.flatMap((m) => timeline(m, r.profile, r.asOf).findings.filter((f) => f.severity === "violation").map(fromFinding))
    }
  }
}
