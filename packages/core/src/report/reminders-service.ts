import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { addDays, CivilDate } from "../calendar/civil-date.js"
import { duesMonthKind } from "../dues/kinds.js"
import { subtreeIds } from "../org/tree.js"
import { ruleAt } from "../profile/profile.js"
import { serviceMethod } from "../service/method.js"
import { loadOrganizationFor, todayOf } from "../service/support.js"
import { Store } from "../store/port.js"
import { studyCreditKind, studyExcusalKind } from "../study/kinds.js"
import { OrganizationId } from "../tenant/ids.js"
import { complianceOf } from "./compliance-units.js"
import { reminderFeed } from "./reminders.js"
import { remindersLeadRule } from "./rules.js"
import { filesUnder } from "./year-records.js"

/**
 * 提醒 — input of {@link reportService.reminders}: the organization whose subtree is watched, and `since`, the day
 * the feed last ran (its reminders were delivered): this run covers every day after it up to today.
 */
export const RemindersInput = Schema.Struct({ organizationId: OrganizationId, since: CivilDate })
export type RemindersInput = typeof RemindersInput.Encoded

/**
 * 提醒 — the reminders of an organization's subtree for the days after `since` up to today (China
 * time), see `reminderFeed`. The host delivers them by its own channel and passes today as `since`
 * next time; a day it missed is covered by the next run, and a run repeated over the same days gives
 * the same reminders with the same ids. It names people, so it needs `organization.read`.
 */
export const reminders = serviceMethod("report.reminders", RemindersInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organizations, organization } = yield* loadOrganizationFor(ctx, input.organizationId, "organization.read")
    const today = todayOf(ctx)
    if (input.since >= today) return []
    const ids = new Set(subtreeIds(organization.id, organizations))
    const subtree = organizations.filter((o) => ids.has(o.id))
    const members = yield* filesUnder(ctx, [...ids])
    const lead = ruleAt(ctx.profile, remindersLeadRule, today).parameters
    const compliance = yield* complianceOf(ctx.tenantId, subtree, members, {
      profile: ctx.profile,
      from: addDays(input.since, 1),
      to: addDays(today, lead.meetingDays),
      asOf: today
    })
    const store = yield* Store
    const years = { gte: Number(input.since.slice(0, 4)), lte: Number(today.slice(0, 4)) }
    const unpaid = yield* store.aggregate(duesMonthKind, ctx.tenantId, {
      groupBy: ["memberId", "month"],
      filter: { organizationId: [...ids], arrears: { gte: 1 }, monthStart: { lte: today } }
    })
    const credits = yield* store.aggregate(studyCreditKind, ctx.tenantId, { groupBy: ["memberId", "on"], filter: { organizationId: [...ids], year: years }, sum: ["tenths"] })
    const excusals = yield* store.list(studyExcusalKind, ctx.tenantId, { organizationId: [...ids], year: years })
    return reminderFeed({
      since: input.since,
      today,
      profile: ctx.profile,
      organizations: subtree,
      members,
      compliance,
      unpaidDues: unpaid.map((r) => ({ memberId: r.group.memberId, month: r.group.month })),
      studyCredits: credits.map((r) => ({ memberId: r.group.memberId, on: r.group.on, tenths: r.sums.tenths })),
      studyExcused: excusals.map((e) => ({ memberId: e.memberId as string, year: e.year }))
    })
  })
)
