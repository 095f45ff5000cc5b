import * as Either from "effect/Either"
import { Actor } from "../auth/actor.js"
import type { WorkdayCalendar } from "../calendar/workday-calendar.js"
import { nationalBaseline } from "../national-profile.js"
import type { RuleProfile } from "../profile/profile.js"
import { TenantId } from "../tenant/ids.js"
import type { CommandContext } from "./context.js"
import { decodeInputEither } from "./decode-input.js"
import { type InvalidInput, invalidInput } from "./errors.js"

/** What an application knows about a request, as plain values. */
export interface CommandContextInput {
  readonly tenantId: string
  /** The acting person and the roles your application has established for them. */
  readonly actor: { readonly personId: string; readonly roles: ReadonlyArray<{ readonly role: string; readonly organizationId: string }> }
  readonly now: Date
  /** Defaults to the national baseline. */
  readonly profile?: RuleProfile
  /**
   * Which days are working days (公示 periods count them). No default: pass `chinaWorkdays` from
   * `@zhibu/calendar-cn`, or your own calendar.
   */
  readonly workdays: WorkdayCalendar
}

const operation = "makeCommandContext"

/**
 * 调用上下文 — builds a {@link CommandContext} from plain values, checking the tenant id, the person
 * id, each role and organization id, and `now`. Bad values are an {@link InvalidInput} naming them.
 */
export const makeCommandContext = (input: CommandContextInput): Either.Either<CommandContext, InvalidInput> => {
  const tenantId = decodeInputEither(TenantId, operation, input.tenantId, ["tenantId"])
  if (Either.isLeft(tenantId)) return Either.left(tenantId.left)
  const actor = decodeInputEither(Actor, operation, input.actor, ["actor"])
  if (Either.isLeft(actor)) return Either.left(actor.left)
  if (!(input.now instanceof Date) || Number.isNaN(input.now.getTime())) return Either.left(invalidInput(operation, "now", { zh: "有效的 Date 对象", en: "a valid Date" }))
  return Either.right({
    tenantId: tenantId.right,
    actor: actor.right,
    now: input.now,
    profile: input.profile ?? nationalBaseline,
    workdays: input.workdays
  })
}
