import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { serviceMethod } from "../service/method.js"
import { loadOrganizationFor } from "../service/support.js"
import { OrganizationId } from "../tenant/ids.js"
import { summarizeYear } from "./annual-summary.js"
import { readYearRecords } from "./year-records.js"

/** 年度工作情况 — input of {@link reportService.annualSummary}: the organization whose subtree is summed, and the calendar year. */
export const AnnualSummaryInput = Schema.Struct({ organizationId: OrganizationId, year: Schema.Int.pipe(Schema.between(1921, 2999)) })
export type AnnualSummaryInput = typeof AnnualSummaryInput.Encoded

/**
 * 年度工作情况 — the annual summary of an organization's subtree for a year (see `summarizeYear`), on
 * that year's tree, as of its last day (or today, when the year is not over). The organizations, the
 * subtree's member files (paged) and one grouped aggregate per record kind are read, however many
 * branches the subtree has. Exact counts: it needs `organization.read`; a county viewer reads
 * `reportService.countyView`, where small counts are suppressed.
 */
export const annualSummary = serviceMethod("report.annualSummary", AnnualSummaryInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organizations, organization } = yield* loadOrganizationFor(ctx, input.organizationId, "organization.read")
    return summarizeYear(yield* readYearRecords(ctx, organization, organizations, input.year))
  })
)
