import { addDays, reportService } from "@zhibu/core"
import * as Effect from "effect/Effect"
import { dateOption, ExitCode } from "../options.js"
import type { Session } from "../session.js"

export interface RemindOptions {
  /** The day the feed last ran: reminders from that day on (inclusive). */
  readonly since: string
  /** Days ahead a deadline is announced (default 7). */
  readonly lead: number
}

/** One reminder, as one JSON line: what, for whom, when, and the rule behind it. */
export interface Reminder {
  /** Stable: the same reminder has the same id on every run, so a host can drop ones it already sent. */
  readonly id: string
  /** The day it is about: a deadline, the first day a step may be taken, or the day a signal arose. */
  readonly date: string
  readonly kind: "due" | "opens" | "overdue" | "silentBranch" | "electionOverdue"
  readonly branchId: string
  readonly branch: string
  /** Who should hear of it: the branch's secretary (null when the branch has none on record). */
  readonly to: { readonly role: "branchSecretary"; readonly organizationId: string; readonly personId: string | null }
  readonly subject: { readonly kind: string; readonly id: string; readonly name?: string }
  readonly ruleId: string
  readonly severity: string
  readonly message: string
}

/**
 * `zhibu remind --since DATE` — the reminders that arose from `--since` to today, and the deadlines of
 * the next `--lead` days, as JSON lines for a host to deliver (WeChat Work, DingTalk, SMS, mail).
 * Until `reportService.reminders` lands in @zhibu/core, they are taken from `reportService.dashboard`:
 * agenda deadlines and openings, overdue deadlines, silent branches and overdue elections. The same
 * `--since` and day give the same lines (idempotent); each line's `id` is stable across runs.
 */
export const remindCommand = (options: RemindOptions) => (session: Session) =>
  Effect.gen(function* () {
    const since = dateOption(options.since, "--since")
    const until = addDays(session.today, options.lead)
    const dashboard = yield* reportService.dashboard(session.ctx, { organizationId: session.organization.id })
    const byId = new Map(session.organizations.map((o) => [o.id as string, o]))
    const lines: Array<Reminder> = []
    for (const b of dashboard.branches) {
      const to = { role: "branchSecretary" as const, organizationId: b.branchId, personId: byId.get(b.branchId)?.leadership.secretaryId ?? null }
      const base = { branchId: b.branchId, branch: b.name, to }
      const items = [...b.overdue, ...b.next90]
      for (const item of items) {
        if (item.date < since || item.date > until) continue
        const kind = item.overdue ? "overdue" : item.kind === "due" ? "due" : "opens"
        const subject = item.subject.kind === "member" ? { kind: "member", id: item.subject.id, name: item.subject.name } : { kind: item.subject.kind, id: item.subject.id }
        lines.push({
          id: `${item.ruleId}:${item.subject.id}:${item.step ?? ""}:${item.date}`,
          date: item.date,
          kind,
          ...base,
          subject,
          ruleId: item.ruleId,
          severity: item.severity,
          message: item.message[session.lang]
        })
      }
      const signals = [
        ...(b.silent === null ? [] : [{ finding: b.silent, kind: "silentBranch" as const }]),
        ...b.overdueElections.map((finding) => ({ finding, kind: "electionOverdue" as const }))
      ]
      for (const { finding, kind } of signals) {
        const date = finding.due ?? session.today
        if (date > until) continue
        lines.push({
          id: finding.due === undefined ? `${finding.ruleId}:${finding.subject.id}` : `${finding.ruleId}:${finding.subject.id}:${date}`,
          date,
          kind,
          ...base,
          subject: { kind: finding.subject.kind, id: finding.subject.id },
          ruleId: finding.ruleId,
          severity: finding.severity,
          message: finding.message[session.lang]
        })
      }
    }
    lines.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const seen = new Set<string>()
    for (const line of lines) {
      if (seen.has(line.id)) continue
      seen.add(line.id)
      process.stdout.write(`${JSON.stringify(line)}\n`)
    }
    return ExitCode.ok
  })
