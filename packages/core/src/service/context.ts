import type { Actor } from "../auth/actor.js"
import type { WorkdayCalendar } from "../calendar/workday-calendar.js"
import type { RuleProfile } from "../profile/profile.js"
import type { TenantId } from "../tenant/ids.js"

/**
 * What every service call needs and the library never finds out by itself: the tenant, who is
 * acting, the current instant, the rule profile, and the working-day calendar.
 */
export interface CommandContext {
  readonly tenantId: TenantId
  readonly actor: Actor
  /** The current instant; `today` is its civil date in China time. */
  readonly now: Date
  readonly profile: RuleProfile
  readonly workdays: WorkdayCalendar
}
