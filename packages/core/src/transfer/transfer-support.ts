import * as Effect from "effect/Effect"
import type { CivilDate } from "../calendar/civil-date.js"
import { memberKind } from "../member/kinds.js"
import type { Member } from "../member/member.js"
import type { Organization } from "../org/organization.js"
import type { CommandContext } from "../service/context.js"
import { invalidInput, notAfterToday } from "../service/errors.js"
import { guard, todayOf } from "../service/support.js"
import { NotFound } from "../store/errors.js"
import { Store } from "../store/port.js"
import { TransferRejected } from "./errors.js"
import { holdsMembers } from "./letters.js"
import { transferLetterKind } from "./kinds.js"
import type { LetterParty } from "./letter.js"
import type { Destination } from "./transfer-service-inputs.js"

/** `InvalidInput` when a date of something done lies after today. */
export const notAfter = (ctx: CommandContext, operation: string, path: string, date: CivilDate) =>
  date > todayOf(ctx) ? Effect.fail(invalidInput(operation, path, notAfterToday)) : Effect.void

/** An organization of the tenant that a letter names: `NotFound` when there is none. */
export const knownOrganization = (
  ctx: CommandContext,
  organizations: ReadonlyArray<Organization>,
  organizationId: string
): Effect.Effect<Organization, NotFound> => {
  const found = organizations.find((o) => o.id === organizationId)
  return found === undefined ? Effect.fail(new NotFound({ kind: "organization", id: organizationId, tenantId: ctx.tenantId })) : Effect.succeed(found)
}

/** A receiving organization inside the tenant: it exists (`NotFound`), holds members and is not where the member is. */
export const receivingOrganization = (
  ctx: CommandContext,
  operation: string,
  member: Member,
  organizations: ReadonlyArray<Organization>,
  organizationId: string
): Effect.Effect<Organization, NotFound | TransferRejected> =>
  Effect.flatMap(knownOrganization(ctx, organizations, organizationId), (to) => {
    if (!holdsMembers(to)) {
      return Effect.fail(
        new TransferRejected({
          operation,
          memberId: member.id,
          problem: "notABranch",
          text: { zh: `${to.name}不是可以编入党员的党支部`, en: `${to.name} is not a branch that can hold members` }
        })
      )
    }
    if (to.id === member.organizationId) {
      return Effect.fail(
        new TransferRejected({
          operation,
          memberId: member.id,
          problem: "sameOrganization",
          text: { zh: `${member.name}已在${to.name}`, en: `${member.name} is already in ${to.name}` }
        })
      )
    }
    return Effect.succeed(to)
  })

/** The other end of a letter or an attachment as a party: an organization of the tenant is looked up. */
export const destinationParty = (
  ctx: CommandContext,
  organizations: ReadonlyArray<Organization>,
  to: Destination
): Effect.Effect<{ readonly party: LetterParty; readonly organization: Organization | null }, NotFound> =>
  "organizationId" in to
    ? Effect.map(knownOrganization(ctx, organizations, to.organizationId), (organization) => ({
        party: { organizationId: organization.id, name: organization.name, tenantId: null },
        organization
      }))
    : Effect.succeed({ party: { organizationId: null, name: to.name, tenantId: to.tenantId ?? null }, organization: null })

/** `member.transfer` on an organization of the tenant (one the actor cannot see is `NotFound`). */
export const guardTransferAt = (ctx: CommandContext, organizations: ReadonlyArray<Organization>, organizationId: string) =>
  guard(ctx, "member.transfer", { organizationId }, organizations, new NotFound({ kind: "organization", id: organizationId, tenantId: ctx.tenantId }))

/** `pendingLetter` when the member already has a letter waiting to be received. */
export const noPendingLetter = (ctx: CommandContext, operation: string, member: Member) =>
  Effect.gen(function* () {
    const store = yield* Store
    const pending = yield* store.list(transferLetterKind, ctx.tenantId, { memberId: member.id, status: "pending" })
    const waiting = pending.find((l) => l.direction !== "in")
    if (waiting !== undefined) {
      return yield* new TransferRejected({
        operation,
        memberId: member.id,
        problem: "pendingLetter",
        text: {
          zh: `${member.name}已有介绍信 ${waiting.letterNumber}（${waiting.issuedOn}开具）尚未接收`,
          en: `${member.name} already has letter ${waiting.letterNumber} (issued ${waiting.issuedOn}) waiting to be received`
        }
      })
    }
  })

/** `duplicate` when a letter record with this id exists already. */
export const unusedLetterId = (ctx: CommandContext, operation: string, memberId: string, letterId: string) =>
  Effect.gen(function* () {
    const store = yield* Store
    const existing = yield* Effect.option(store.get(transferLetterKind, ctx.tenantId, letterId))
    if (existing._tag === "Some") {
      return yield* new TransferRejected({
        operation,
        memberId,
        problem: "duplicate",
        text: { zh: `介绍信记录 ${letterId} 已存在`, en: `a letter record ${letterId} exists already` }
      })
    }
  })

/** The member's file, or `NotFound`. */
export const getMember = (ctx: CommandContext, memberId: string) => Effect.flatMap(Store, (store) => store.get(memberKind, ctx.tenantId, memberId))
