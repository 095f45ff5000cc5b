import * as Effect from "effect/Effect"
import { type CivilDate, fromParts } from "../calendar/civil-date.js"
import { meetingKind } from "../meeting/kinds.js"
import { memberKind } from "../member/kinds.js"
import { subtreeIds } from "../org/tree.js"
import type { CommandContext } from "../service/context.js"
import { serviceMethod } from "../service/method.js"
import { auditOf, createRecord, expectVersion, loadOrganizationFor, saveRecord, todayOf } from "../service/support.js"
import { createWrite, Store, updateWrite } from "../store/port.js"
import { derivedId } from "../tenant/derived-id.js"
import { mobileAttachmentKind } from "../transfer/kinds.js"
import { attachedOn, type MobileAttachment, overlaps } from "../transfer/mobile.js"
import { evaluationFindings, gradeCounts, recordEvaluationFollowUp, recordEvaluationGrades, recordEvaluationStep } from "./democratic.js"
import { EvaluationRejected } from "./errors.js"
import { maximumExcellent } from "./excellent-cap.js"
import { democraticEvaluationKind, rectificationItemKind, secretaryReportKind } from "./kinds.js"
import { itemsFromEvaluation, newItems } from "./rectification-auto.js"
import type { DemocraticEvaluation } from "./records.js"
import { averageScore, secretaryReportFindings } from "./reviews.js"
import {
  BranchYearInput,
  DemocraticFollowUpInput,
  DemocraticGradesInput,
  DemocraticStepInput,
  OpenDemocraticInput,
  SecretaryReportInput
} from "./service-inputs.js"

/** The id of a branch's evaluation of a year: one per branch and year. */
export const democraticEvaluationId = (organizationId: string, year: number): string => derivedId(organizationId, String(year))

const notAfterToday = (ctx: CommandContext, subjectId: string, date: CivilDate) =>
  date > todayOf(ctx) ? Effect.fail(new EvaluationRejected({ subjectId, text: { zh: `日期 ${date} 晚于今天`, en: `the date ${date} is after today` } })) : Effect.void

/** Loads a branch's evaluation of a year for `action`, checking the caller's version. */
const loadCycle = (ctx: CommandContext, organizationId: string, year: number, expectedVersion: number) =>
  Effect.gen(function* () {
    yield* loadOrganizationFor(ctx, organizationId, "evaluation.record")
    const store = yield* Store
    const cycle = yield* store.get(democraticEvaluationKind, ctx.tenantId, democraticEvaluationId(organizationId, year))
    yield* expectVersion(democraticEvaluationKind, cycle, expectedVersion)
    return cycle
  })

const save = (ctx: CommandContext, cycle: DemocraticEvaluation, expectedVersion: number) => saveRecord(ctx, democraticEvaluationKind, cycle, expectedVersion, "evaluation.record")

/** 民主评议 and 述职评议 methods of {@link evaluationService}. */
export const democraticMethods = {
  /** 启动民主评议 — opens the branch's evaluation of the year with its preparation step (`evaluation.record`). */
  openDemocratic: serviceMethod("evaluation.openDemocratic", OpenDemocraticInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organization } = yield* loadOrganizationFor(ctx, input.organizationId, "evaluation.record")
      const id = democraticEvaluationId(input.organizationId, input.year)
      if (organization.kind === "partyGroup" || organization.kind === "committee")
        return yield* new EvaluationRejected({ subjectId: id, text: { zh: "民主评议以党支部为单位进行", en: "a democratic evaluation is held by a branch" } })
      yield* notAfterToday(ctx, id, input.preparedOn)
      return yield* createRecord(
        ctx,
        democraticEvaluationKind,
        { tenantId: ctx.tenantId, id, organizationId: organization.id, year: input.year, steps: [{ step: "preparation", date: input.preparedOn }], grades: [], followUps: [] },
        "evaluation.record"
      )
    })
  ),

  /**
   * 评议步骤 — the next step, in order (`evaluation.democratic.procedure`). The determination also
   * raises a rectification item for each member graded 基本合格 or 不合格
   * (`evaluation.rectification.automatic`), in the same write.
   */
  recordDemocraticStep: serviceMethod("evaluation.recordDemocraticStep", DemocraticStepInput, (ctx, input) =>
    Effect.gen(function* () {
      const cycle = yield* loadCycle(ctx, input.organizationId, input.year, input.expectedVersion)
      yield* notAfterToday(ctx, cycle.id, input.date)
      const next = yield* recordEvaluationStep(cycle, { step: input.step, date: input.date, ...(input.by === undefined ? {} : { by: input.by }) }, ctx.profile)
      if (input.step !== "determination") return yield* save(ctx, next, input.expectedVersion)
      const { organization } = yield* loadOrganizationFor(ctx, input.organizationId, "evaluation.record")
      const raised = yield* newItems(ctx, input.organizationId, itemsFromEvaluation(next, organization.leadership.secretaryId, ctx.profile))
      const written = yield* (yield* Store).write(
        ctx.tenantId,
        [updateWrite(democraticEvaluationKind, next, input.expectedVersion), ...raised.map((i) => createWrite(rectificationItemKind, i))],
        auditOf(ctx, "evaluation.record")
      )
      return written[0] as DemocraticEvaluation
    })
  ),

  /**
   * 民主测评等次 — every member on the roll graded once; more 优秀 than the cap is refused. Mobile
   * members (rules.md 8.4): a member attached to this branch as host on the day may be graded here
   * (`atHost`); a member of the roll away at a host that day need not be; a member graded in another
   * branch's evaluation of the year is refused (`transfer.mobile.host`).
   */
  recordGrades: serviceMethod("evaluation.recordGrades", DemocraticGradesInput, (ctx, input) =>
    Effect.gen(function* () {
      const cycle = yield* loadCycle(ctx, input.organizationId, input.year, input.expectedVersion)
      const store = yield* Store
      const today = todayOf(ctx)
      const roll = yield* store.list(memberKind, ctx.tenantId, { organizationId: input.organizationId, status: "active", stage: ["probationary", "full"] })
      // Attachments in force on any day of the year: one that ended before today may still have
      // brought a grade at the other end, and the member is evaluated in one place.
      const year = { from: fromParts(input.year, 1, 1), until: fromParts(input.year, 12, 31) }
      const inYear = (a: MobileAttachment) => overlaps(a, year)
      const incomingOfYear = (yield* store.list(mobileAttachmentKind, ctx.tenantId, { hostOrganizationId: input.organizationId })).filter(inYear)
      const outgoingOfYear = (yield* store.list(mobileAttachmentKind, ctx.tenantId, { homeOrganizationId: input.organizationId })).filter(inYear)
      const incoming = incomingOfYear.filter((a) => attachedOn(a, today))
      const outgoing = outgoingOfYear.filter((a) => attachedOn(a, today))
      const others = [
        ...new Set([
          ...incomingOfYear.map((a) => a.homeOrganizationId as string),
          ...outgoingOfYear.flatMap((a) => (a.host.organizationId === null ? [] : [a.host.organizationId as string]))
        ])
      ]
      const elsewhere = others.length === 0 ? [] : yield* store.list(democraticEvaluationKind, ctx.tenantId, { organizationId: others, year: input.year })
      const gradedElsewhere = new Map(elsewhere.flatMap((e) => e.grades.map((g) => [g.memberId as string, e.organizationId as string] as const)))
      const mobile = { visitors: new Set(incoming.map((a) => a.memberId as string)), away: new Set(outgoing.map((a) => a.memberId as string)), gradedElsewhere }
      const next = yield* recordEvaluationGrades(cycle, input.grades, new Set(roll.map((m) => m.id as string)), ctx.profile, today, mobile)
      return yield* save(ctx, next, input.expectedVersion)
    })
  ),

  /** 后续处置 — talk, 限期改正 (≤ 1 year after the determination) and the branch's decision. */
  recordFollowUp: serviceMethod("evaluation.recordFollowUp", DemocraticFollowUpInput, (ctx, input) =>
    Effect.gen(function* () {
      const cycle = yield* loadCycle(ctx, input.organizationId, input.year, input.expectedVersion)
      const next = yield* recordEvaluationFollowUp(cycle, input.followUp, ctx.profile)
      return yield* save(ctx, next, input.expectedVersion)
    })
  ),

  /** 民主评议情况 — the evaluation, its grade counts against the cap, and its findings (`evaluation.read`). */
  democraticStatus: serviceMethod("evaluation.democraticStatus", BranchYearInput, (ctx, input) =>
    Effect.gen(function* () {
      yield* loadOrganizationFor(ctx, input.organizationId, "evaluation.read")
      const store = yield* Store
      const cycle = yield* store.get(democraticEvaluationKind, ctx.tenantId, democraticEvaluationId(input.organizationId, input.year))
      const today = todayOf(ctx)
      return { evaluation: cycle, counts: gradeCounts(cycle.grades), maximumExcellent: maximumExcellent(cycle.grades.length, ctx.profile, today), findings: evaluationFindings(cycle, ctx.profile, today) }
    })
  ),

  /**
   * 评议等次汇总 — grade counts per organization of a subtree for a year, from one grouped aggregate,
   * with the subtree's total (`report.aggregate`: counts only, no member).
   */
  gradeTotals: serviceMethod("evaluation.gradeTotals", BranchYearInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organizations } = yield* loadOrganizationFor(ctx, input.organizationId, "report.aggregate")
      const store = yield* Store
      const rows = yield* store.aggregate(democraticEvaluationKind, ctx.tenantId, {
        groupBy: ["organizationId"],
        filter: { organizationId: [...subtreeIds(input.organizationId, organizations)], year: input.year },
        sum: ["evaluated", "excellent", "qualified", "basicallyQualified", "unqualified"]
      })
      const byOrganization = rows.map((r) => ({ organizationId: r.group.organizationId, ...r.sums }))
      const total = { evaluated: 0, excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0 }
      for (const r of byOrganization) for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += r[k]
      return { organizationId: input.organizationId, year: input.year, byOrganization, total }
    })
  ),

  /** 述职评议 — records a report, its scores and follow-up list (`evaluation.record`). */
  recordSecretaryReport: serviceMethod("evaluation.recordSecretaryReport", SecretaryReportInput, (ctx, input) =>
    Effect.gen(function* () {
      yield* loadOrganizationFor(ctx, input.organizationId, "evaluation.record")
      yield* notAfterToday(ctx, input.id, input.reportedOn)
      return yield* createRecord(ctx, secretaryReportKind, { ...input, tenantId: ctx.tenantId }, "evaluation.record")
    })
  ),

  /**
   * 述职评议结果 — the year's reports with their average scores, what is missing or out of its
   * window, and a report to all members given on a day with no 党员大会 recorded (`evaluation.read`).
   */
  secretaryReports: serviceMethod("evaluation.secretaryReports", BranchYearInput, (ctx, input) =>
    Effect.gen(function* () {
      yield* loadOrganizationFor(ctx, input.organizationId, "evaluation.read")
      const store = yield* Store
      const reports = yield* store.list(secretaryReportKind, ctx.tenantId, { organizationId: input.organizationId, year: input.year })
      const toMembers = reports.some((r) => r.audience === "generalAssembly")
      const assemblies = !toMembers
        ? []
        : yield* store.list(meetingKind, ctx.tenantId, { organizationId: input.organizationId, generalAssembly: 1, date: { gte: `${input.year}-01-01` as CivilDate, lte: `${input.year + 1}-12-31` as CivilDate } })
      return {
        reports: reports.map((r) => ({ report: r, averageScore: averageScore(r) })),
        findings: secretaryReportFindings(input.organizationId, reports, input.year, ctx.profile, todayOf(ctx), new Set(assemblies.map((m) => m.date as string)))
      }
    })
  )
} as const
