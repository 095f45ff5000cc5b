import { reportService } from "@zhibu/core"
import * as Effect from "effect/Effect"
import { dateOption, ExitCode } from "../options.js"
import type { Session } from "../session.js"

export interface RemindOptions {
  /** The day the feed last ran (its reminders were delivered): this run covers every day after it up to today. */
  readonly since: string
}

/**
 * `zhibu remind --since DATE` — `reportService.reminders` of the subtree as JSON lines, one
 * `Reminder` per line (id, kind, remindOn, about, overdue, to, subject, ruleId, source, message in
 * zh and en), for a host to deliver by its own channel (WeChat Work, DingTalk, SMS, mail). Run it
 * with the day of the last run: days that passed unattended are covered, a day already covered is not
 * covered again, and the same window gives the same lines with the same ids.
 */
export const remindCommand = (options: RemindOptions) => (session: Session) =>
  Effect.gen(function* () {
    const since = dateOption(options.since, "--since")
    const reminders = yield* reportService.reminders(session.ctx, { organizationId: session.organization.id, since })
    for (const reminder of reminders) process.stdout.write(`${JSON.stringify(reminder)}\n`)
    return ExitCode.ok
  })
