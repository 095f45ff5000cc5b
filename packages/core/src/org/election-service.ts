import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { addMonths, addYears, CivilDate, chinaDate } from "../calendar/civil-date.js"
import { ruleAt } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import { memberKind } from "../member/kinds.js"
import { invalidInput, notAfterToday } from "../service/errors.js"
import { serviceMethod } from "../service/method.js"
import { expectVersion, loadOrganizationFor, saveRecord } from "../service/support.js"
import { Store } from "../store/port.js"
import { OrganizationId } from "../tenant/ids.js"
import { checkElection, ElectionRecord } from "./election-check.js"
import { OrganizationRuleBroken } from "./errors.js"
import { saveWithHistory } from "./history-write.js"
import { organizationKind } from "./kinds.js"
import { termElectionDueRule, termExtensionRule } from "./rules-term.js"
import { subtreeIds } from "./tree.js"

/** 换届选举结果 — input of {@link recordElection}: the election, for the organization's stored version. */
export const RecordElectionInput = Schema.extend(
  Schema.Struct({ organizationId: OrganizationId, expectedVersion: Schema.Int.pipe(Schema.positive()) }),
  ElectionRecord
)
export type RecordElectionInput = typeof RecordElectionInput.Encoded

/**
 * Records an election ({@link checkElection}): sets the new leadership and a new term whose length is
 * the profile's for the organization's kind, and clears any extension. The election date may not lie
 * after today. The new leadership is appended to the leadership history in the same write.
 */
export const recordElection = serviceMethod("organization.recordElection", RecordElectionInput, (ctx, data) =>
  Effect.gen(function* () {
    if (data.electedOn > chinaDate(ctx.now)) {
      return yield* invalidInput("organization.recordElection", "electedOn", notAfterToday)
    }
    const { organizations, organization } = yield* loadOrganizationFor(ctx, data.organizationId, "organization.recordElection")
    yield* expectVersion(organizationKind, organization, data.expectedVersion)
    const store = yield* Store
    const members = yield* store.list(memberKind, ctx.tenantId, { organizationId: subtreeIds(organization.id, organizations) })
    const { leadership, term } = yield* checkElection(organization, data, members, ctx.profile)
    return yield* saveWithHistory(ctx, organization, { ...organization, leadership, term }, data.electedOn, "election", "organization.recordElection")
  })
)

/** 批准延期换届 — input of {@link approveTermExtension}: months counted from the term end. */
export const ApproveTermExtensionInput = Schema.Struct({
  organizationId: OrganizationId,
  expectedVersion: Schema.Int.pipe(Schema.positive()),
  approvedOn: CivilDate,
  /** The approving body, e.g. 「县委教育工委」. */
  approvedBy: Schema.String.pipe(Schema.minLength(1)),
  months: Schema.Int.pipe(Schema.positive())
})
export type ApproveTermExtensionInput = typeof ApproveTermExtensionInput.Encoded

const operation = "organization.approveExtension"
/**
 * Records a higher committee's approval to postpone the election by `months` after the term end
 * (at most 12 nationally, rule `org.term.extension`). Replaces an earlier extension: the months are
 * the whole postponement, not an addition.
 */
export const approveTermExtension = serviceMethod(operation, ApproveTermExtensionInput, (ctx, data) =>
  Effect.gen(function* () {
    if (data.approvedOn > chinaDate(ctx.now)) {
      return yield* invalidInput(operation, "approvedOn", notAfterToday)
    }
    const { organization } = yield* loadOrganizationFor(ctx, data.organizationId, operation)
    yield* expectVersion(organizationKind, organization, data.expectedVersion)
    const term = organization.term
    if (term === null) {
      return yield* new OrganizationRuleBroken({
        operation,
        organizationId: organization.id,
        ...refusedBy(ruleAt(ctx.profile, termElectionDueRule, data.approvedOn), {
          zh: "尚未记录任期，无从延期",
          en: "no term is recorded, so there is nothing to postpone"
        })
      })
    }
    const rule = ruleAt(ctx.profile, termExtensionRule, data.approvedOn)
    const termEnd = addYears(term.electedOn, term.years)
    if (data.months > rule.parameters.maximumMonths) {
      const allowedUntil = addMonths(termEnd, rule.parameters.maximumMonths)
      return yield* new OrganizationRuleBroken({
        operation,
        organizationId: organization.id,
        ...refusedBy(
          rule,
          {
            zh: `延期 ${data.months} 个月，超过 ${rule.parameters.maximumMonths} 个月（任期 ${termEnd} 届满，最迟可延至 ${allowedUntil}）`,
            en: `a postponement of ${data.months} months is more than ${rule.parameters.maximumMonths} (the term ends on ${termEnd}; ${allowedUntil} at the latest)`
          },
          { allowedUntil }
        )
      })
    }
    const extension = { approvedOn: data.approvedOn, approvedBy: data.approvedBy, months: data.months }
    return yield* saveRecord(ctx, organizationKind, { ...organization, term: { ...term, extension } }, data.expectedVersion, operation)
  })
)
