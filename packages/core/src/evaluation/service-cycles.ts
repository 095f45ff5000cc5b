import * as Effect from "effect/Effect"
import type { Either } from "effect/Either"
import type { Action } from "../auth/action.js"
import type { CivilDate } from "../calendar/civil-date.js"
import { loadFileFor } from "../member/member-service-support.js"
import { subtreeIds } from "../org/tree.js"
import type { CommandContext } from "../service/context.js"
import { serviceMethod } from "../service/method.js"
import { auditOf, createRecord, expectVersion, guard, loadOrganizations, loadOrganizationFor, saveRecord, todayOf } from "../service/support.js"
import { NotFound } from "../store/errors.js"
import { createWrite, Store, updateWrite } from "../store/port.js"
import type { AnyRecordKind, RecordOf } from "../store/record-kind.js"
import { derivedId } from "../tenant/derived-id.js"
import { scoreChecklist } from "./checklist.js"
import type { EvaluationRejected } from "./errors.js"
import { missingRoleFeedback } from "./feedback-completeness.js"
import { checklistScoreKind, rectificationItemKind, roleFeedbackKind, workloadEntryKind } from "./kinds.js"
import { carriedInto, closeItem, planMeasure, rectificationFindings, rectificationStatus, recheckItem } from "./rectification.js"
import type { ChecklistScore, RectificationItem } from "./records.js"
import { itemsFromChecklist, newItems } from "./rectification-auto.js"
import { roleFeedbackFindings } from "./reviews.js"
import {
  BranchYearInput,
  ChecklistInput,
  CloseIssueInput,
  PlanMeasureInput,
  RaiseIssueInput,
  RecheckInput,
  RoleFeedbackStatusInput,
  RoleOutcomeInput,
  RoleRecordInput,
  WorkloadInput,
  WorkloadTotalsInput
} from "./service-inputs.js"

/**
 * Loads a record of an organization-owned kind by id and guards `action` on its organization: a
 * record the actor may not see is `NotFound`, exactly like a missing one.
 */
const loadOwned = <K extends AnyRecordKind>(ctx: CommandContext, kind: K, id: string, action: Action, expectedVersion: number) =>
  Effect.gen(function* () {
    const store = yield* Store
    const record = (yield* store.get(kind, ctx.tenantId, id)) as RecordOf<K> & { readonly organizationId: string; readonly version: number; readonly id: string }
    const organizations = yield* loadOrganizations(ctx)
    yield* guard(ctx, action, { organizationId: record.organizationId }, organizations, new NotFound({ kind: kind.name, id, tenantId: ctx.tenantId }))
    yield* expectVersion(kind, record, expectedVersion)
    return record
  })

/** Applies a pure change to a rectification item and saves it. */
const changeItem = (ctx: CommandContext, id: string, expectedVersion: number, change: (item: RectificationItem) => Either<RectificationItem, EvaluationRejected>) =>
  Effect.gen(function* () {
    const item = yield* loadOwned(ctx, rectificationItemKind, id, "evaluation.record", expectedVersion)
    const next = yield* change(item)
    return yield* saveRecord(ctx, rectificationItemKind, next, expectedVersion, "evaluation.record")
  })

/** 整改台账, 标准化建设, 作用发挥反馈 and 党务工作量 methods of {@link evaluationService}. */
export const cycleMethods = {
  /** 提出整改问题 — from an organizational-life meeting, an evaluation, an inspection or member feedback. */
  raiseIssue: serviceMethod("evaluation.raiseIssue", RaiseIssueInput, (ctx, input) =>
    Effect.gen(function* () {
      yield* loadOrganizationFor(ctx, input.organizationId, "evaluation.record")
      return yield* createRecord(
        ctx,
        rectificationItemKind,
        { ...input, tenantId: ctx.tenantId, measure: null, ownerId: null, deadline: null, recheck: null, closedOn: null, evidence: [] },
        "evaluation.record"
      )
    })
  ),

  /** 整改措施 — the measure, owner and deadline. */
  planMeasure: serviceMethod("evaluation.planMeasure", PlanMeasureInput, (ctx, input) =>
    changeItem(ctx, input.id, input.expectedVersion, (item) => planMeasure(item, input, ctx.profile))
  ),

  /** 复查. */
  recheck: serviceMethod("evaluation.recheck", RecheckInput, (ctx, input) =>
    changeItem(ctx, input.id, input.expectedVersion, (item) =>
      recheckItem(item, { on: input.on, passed: input.passed, ...(input.note === undefined ? {} : { note: input.note }) }, ctx.profile)
    )
  ),

  /** 销号 — with closing evidence, after a passed re-check. */
  closeIssue: serviceMethod("evaluation.closeIssue", CloseIssueInput, (ctx, input) =>
    changeItem(ctx, input.id, input.expectedVersion, (item) => closeItem(item, input, ctx.profile))
  ),

  /**
   * 整改台账 — an organization's items: those raised in the year, those carried into it from earlier
   * years, each with its status, and a flag for every overdue one (`evaluation.read`).
   */
  rectificationLedger: serviceMethod("evaluation.rectificationLedger", BranchYearInput, (ctx, input) =>
    Effect.gen(function* () {
      yield* loadOrganizationFor(ctx, input.organizationId, "evaluation.read")
      const store = yield* Store
      const items = yield* store.list(rectificationItemKind, ctx.tenantId, { organizationId: input.organizationId, raisedOn: { lte: `${input.year}-12-31` as CivilDate } })
      const ofYear = items.filter((i) => i.raisedOn >= `${input.year}-01-01`)
      const today = todayOf(ctx)
      return {
        items: ofYear.map((item) => ({ item, status: rectificationStatus(item) })),
        carried: carriedInto(items, input.year, ctx.profile),
        findings: rectificationFindings(items, ctx.profile, today)
      }
    })
  ),

  /**
   * 标准化建设评分 — scores against the profile's checklist, each with evidence (`evaluation.record`);
   * an item below standard raises a rectification item once (`evaluation.rectification.automatic`),
   * in the same write (`raised`: the items raised by this scoring).
   */
  recordChecklist: serviceMethod("evaluation.recordChecklist", ChecklistInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organization } = yield* loadOrganizationFor(ctx, input.organizationId, "evaluation.record")
      const id = derivedId(input.organizationId, String(input.year))
      const scored = yield* scoreChecklist(id, input.items, ctx.profile, input.scoredOn)
      const record = { tenantId: ctx.tenantId, id, organizationId: input.organizationId, year: input.year, scoredOn: input.scoredOn, items: scored.items, total: scored.total, maximum: scored.maximum }
      const store = yield* Store
      const write =
        input.expectedVersion === undefined
          ? createWrite(checklistScoreKind, record)
          : yield* Effect.gen(function* () {
              const stored = yield* store.get(checklistScoreKind, ctx.tenantId, id)
              yield* expectVersion(checklistScoreKind, stored, input.expectedVersion!)
              return updateWrite(checklistScoreKind, { ...record, version: stored.version }, input.expectedVersion!)
            })
      const raised = yield* newItems(ctx, input.organizationId, itemsFromChecklist({ ...record, version: 1 }, organization.leadership.secretaryId, ctx.profile))
      const written = yield* store.write(ctx.tenantId, [write, ...raised.map((i) => createWrite(rectificationItemKind, i))], auditOf(ctx, "evaluation.record"))
      return { score: written[0] as ChecklistScore, unscored: scored.unscored, raised: written.slice(1) as unknown as ReadonlyArray<RectificationItem> }
    })
  ),

  /** 承诺、结对、先锋岗 — one member-role record for a period (`evaluation.record`). */
  recordRole: serviceMethod("evaluation.recordRole", RoleRecordInput, (ctx, input) =>
    Effect.gen(function* () {
      const { member } = yield* loadFileFor(ctx, input.memberId, "evaluation.record")
      return yield* createRecord(ctx, roleFeedbackKind, { ...input, tenantId: ctx.tenantId, memberId: member.id, organizationId: member.organizationId, outcome: null }, "evaluation.record")
    })
  ),

  /** 反馈 — the outcome of a member-role record. */
  recordRoleOutcome: serviceMethod("evaluation.recordRoleOutcome", RoleOutcomeInput, (ctx, input) =>
    Effect.gen(function* () {
      const record = yield* loadOwned(ctx, roleFeedbackKind, input.id, "evaluation.record", input.expectedVersion)
      const outcome = { rating: input.rating, reviewedOn: input.reviewedOn, ...(input.note === undefined ? {} : { note: input.note }) }
      return yield* saveRecord(ctx, roleFeedbackKind, { ...record, outcome }, input.expectedVersion, "evaluation.record")
    })
  ),

  /**
   * 作用发挥反馈情况 — the records of periods starting in [from, to], those awaiting feedback, and the
   * periods of the window with no record on a cadence the profile keeps (`missingRoleFeedback`;
   * `evaluation.read`).
   */
  roleFeedbackStatus: serviceMethod("evaluation.roleFeedbackStatus", RoleFeedbackStatusInput, (ctx, input) =>
    Effect.gen(function* () {
      yield* loadOrganizationFor(ctx, input.organizationId, "evaluation.read")
      const upTo = yield* (yield* Store).list(roleFeedbackKind, ctx.tenantId, { organizationId: input.organizationId, periodStart: { lte: input.to } })
      const records = upTo.filter((r) => r.periodStart >= input.from)
      const today = todayOf(ctx)
      const completeness = missingRoleFeedback(upTo, input, ctx.profile, today)
      return { records, missing: completeness.missing, unchecked: completeness.unchecked, findings: [...roleFeedbackFindings(records, ctx.profile, today), ...completeness.findings] }
    })
  ),

  /** 党务工作量 — minutes of party work by one person (`evaluation.record`). */
  recordWorkload: serviceMethod("evaluation.recordWorkload", WorkloadInput, (ctx, input) =>
    Effect.gen(function* () {
      yield* loadOrganizationFor(ctx, input.organizationId, "evaluation.record")
      return yield* createRecord(ctx, workloadEntryKind, { ...input, tenantId: ctx.tenantId }, "evaluation.record")
    })
  ),

  /** 党务工作量汇总 — minutes per person and term in an organization's subtree, from one grouped aggregate (`evaluation.read`). */
  workloadTotals: serviceMethod("evaluation.workloadTotals", WorkloadTotalsInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organizations } = yield* loadOrganizationFor(ctx, input.organizationId, "evaluation.read")
      const rows = yield* (yield* Store).aggregate(workloadEntryKind, ctx.tenantId, {
        groupBy: ["personId"],
        filter: { organizationId: [...subtreeIds(input.organizationId, organizations)], termId: input.termId },
        sum: ["minutes"]
      })
      return rows.map((r) => ({ personId: r.group.personId, entries: r.count, minutes: r.sums.minutes, hours: r.sums.minutes / 60 }))
    })
  )
} as const
