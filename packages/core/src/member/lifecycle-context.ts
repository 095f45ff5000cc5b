import * as Either from "effect/Either"
import type { CivilDate } from "../calendar/civil-date.js"
import type { WorkdayCalendar } from "../calendar/workday-calendar.js"
import type { Message } from "../i18n/message.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { type RefusalDetail, refusedBy } from "../profile/refusal.js"
import type { ResolvedRule, RuleDefinition } from "../profile/rule.js"
import { StepRejected } from "./errors.js"
import type { FileState } from "./file-state.js"
import type { Member } from "./member.js"
import type { StepRecord } from "./step.js"

/**
 * What `recordStep` needs besides the member and the record: the rule profile, today's date, the
 * working-day calendar (for 公示), and the members named in `record.people` (looked up by the caller;
 * a named person missing here is refused).
 */
export interface StepContext {
  readonly profile: RuleProfile
  readonly today: CivilDate
  readonly workdays: WorkdayCalendar
  readonly people: ReadonlyArray<Member>
}

/** One step being checked against the file it would join. */
export interface StepCheck {
  readonly member: Member
  readonly record: StepRecord
  readonly state: FileState
  readonly context: StepContext
}

export type Checked = Either.Either<void, StepRejected>

export const passes: Checked = Either.void

/** The rule as it applies on `on` under the check's profile. */
export const resolve = <P>(check: StepCheck, rule: RuleDefinition<P>, on: CivilDate): ResolvedRule<P> =>
  ruleAt(check.context.profile, rule, on)

/** Refuses the step by `rule` (as it applied), in the shared refusal shape. */
export const reject = (check: StepCheck, rule: ResolvedRule<unknown>, text: Message, detail: RefusalDetail = {}): Checked =>
  Either.left(new StepRejected({ memberId: check.member.id, step: check.record.step, ...refusedBy(rule, text, detail) }))

/** Runs checks in order and stops at the first refusal. */
export const firstRefusal = (...checks: ReadonlyArray<() => Checked>): Checked => {
  for (const run of checks) {
    const result = run()
    if (Either.isLeft(result)) return result
  }
  return passes
}
