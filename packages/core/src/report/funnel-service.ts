import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { minDate } from "../calendar/civil-date.js"
import { serviceMethod } from "../service/method.js"
import { loadOrganizationFor, todayOf } from "../service/support.js"
import { OrganizationId } from "../tenant/ids.js"
import { recruitmentFunnel } from "./funnel.js"
import { yearEnd } from "./member-place.js"
import { filesUnder, treeOfDate } from "./year-records.js"

const Year = Schema.Int.pipe(Schema.between(1921, 2999))
const Headcounts = Schema.Record({ key: OrganizationId, value: Schema.Int.pipe(Schema.between(0, 1_000_000)) })

/**
 * 发展漏斗 — input of {@link reportService.funnel}: the organization, the years (at most 20), the development plan of
 * `toYear` by organization, and the young teachers' headcount by organization (from the school's staff
 * records: zhibu keeps files only of people in the party's work).
 */
export const RecruitmentFunnelInput = Schema.Struct({
  organizationId: OrganizationId,
  fromYear: Year,
  toYear: Year,
  plan: Schema.optionalWith(Headcounts, { default: () => ({}) }),
  youngTeachers: Schema.optionalWith(Headcounts, { default: () => ({}) })
}).pipe(Schema.filter((i) => (i.fromYear <= i.toYear && i.toYear - i.fromYear < 20) || "fromYear must not be after toYear, and at most 20 years"))
export type RecruitmentFunnelInput = typeof RecruitmentFunnelInput.Encoded

/**
 * 发展漏斗 — the recruitment funnel of a school or county subtree (see `recruitmentFunnel`), on the tree
 * of `toYear`'s end (or today), from the subtree's member files read in pages. Exact counts:
 * `organization.read`; a county viewer reads `countyView`.
 */
export const funnel = serviceMethod("report.funnel", RecruitmentFunnelInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organizations, organization } = yield* loadOrganizationFor(ctx, input.organizationId, "organization.read")
    const asOf = minDate(yearEnd(input.toYear), todayOf(ctx))
    const { tree, ids } = yield* treeOfDate(ctx, organization, organizations, asOf)
    const members = yield* filesUnder(ctx, ids)
    return recruitmentFunnel({
      root: tree.find((o) => o.id === organization.id) ?? organization,
      organizations: tree,
      fromYear: input.fromYear,
      toYear: input.toYear,
      asOf,
      profile: ctx.profile,
      members,
      plan: input.plan,
      youngTeachers: input.youngTeachers
    })
  })
)
