import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { ruleAt } from "../profile/profile.js"
import { serviceMethod } from "../service/method.js"
import { loadOrganizationFor } from "../service/support.js"
import { OrganizationId } from "../tenant/ids.js"
import { summarizeYear } from "./annual-summary.js"
import { publishCountyView } from "./county-view.js"
import { recruitmentFunnel } from "./funnel.js"
import { smallCellThresholdRule } from "./rules.js"
import { readYearRecords } from "./year-records.js"

const Headcounts = Schema.Record({ key: OrganizationId, value: Schema.Int.pipe(Schema.between(0, 1_000_000)) })

/**
 * 县级汇总 — input of {@link reportService.countyView}: the organization, the year, how many years the funnel looks
 * back (1 to 10, default 3), and the plan and young teachers' headcount as for `funnel`.
 */
export const CountyViewInput = Schema.Struct({
  organizationId: OrganizationId,
  year: Schema.Int.pipe(Schema.between(1921, 2999)),
  funnelYears: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 10)), { default: () => 3 }),
  plan: Schema.optionalWith(Headcounts, { default: () => ({}) }),
  youngTeachers: Schema.optionalWith(Headcounts, { default: () => ({}) })
})
export type CountyViewInput = typeof CountyViewInput.Encoded

/**
 * 县级汇总 — the annual summary and the recruitment funnel of a subtree with no personal data: every
 * count of people below `report.smallCell.threshold` shows as "<N" and enough others are withheld that
 * none can be recovered from totals minus parts (`report.aggregate`: a county viewer may read it).
 * The same reads as `annualSummary`, once.
 */
export const countyView = serviceMethod("report.countyView", CountyViewInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organizations, organization } = yield* loadOrganizationFor(ctx, input.organizationId, "report.aggregate")
    const records = yield* readYearRecords(ctx, organization, organizations, input.year)
    const funnel = recruitmentFunnel({
      root: records.root,
      organizations: records.organizations,
      fromYear: input.year - input.funnelYears + 1,
      toYear: input.year,
      asOf: records.asOf,
      profile: ctx.profile,
      members: records.members,
      plan: input.plan,
      youngTeachers: input.youngTeachers
    })
    return publishCountyView(summarizeYear(records), funnel, ruleAt(ctx.profile, smallCellThresholdRule, records.asOf))
  })
)
