import {
  type AnyRecordKind,
  attendanceKind,
  createWrite,
  democraticEvaluationKind,
  duesAssessmentKind,
  duesMonthKind,
  duesPaymentKind,
  meetingKind,
  memberKind,
  organizationKind,
  type StoreShape,
  studyCreditKind,
  studyPlanKind,
  type Write
} from "@zhibu/core/store"
import { branchCycles, branchMeetings, generateBranches, planWorld, type WorldPlan } from "@zhibu/testing"
import * as Effect from "effect/Effect"
import type { BenchScale } from "../../../core/bench/support/scales.js"

/**
 * Writes a generated world's year into a store through the adapter, in batches of `batchSize` writes
 * (`importBatch`, idempotent by batch id): the committees, then branch by branch its organizations,
 * member files, meetings (and, when asked, their attendance rows) and its year of dues, study and
 * evaluation. Streams the generator: a province's records are never all in memory.
 */
export interface SeedParts {
  readonly meetings: boolean
  readonly attendance: boolean
  readonly cycles: boolean
}

export interface Seeded {
  readonly plan: WorldPlan
  /** Records written, by kind name. */
  readonly counts: Record<string, number>
}

const audit = { actorId: "bench-seed", at: new Date("2026-01-02T00:00:00Z"), action: "seed" }

export const seedYear = async (store: StoreShape, scale: BenchScale, tenantId: string, parts: SeedParts, batchSize = 5_000): Promise<Seeded> => {
  const plan = planWorld({ scale, seed: 1, year: 2025, tenantId })
  const counts: Record<string, number> = {}
  let batch: Array<Write> = []
  let n = 0
  const flush = async () => {
    if (batch.length === 0) return
    const writes = batch
    batch = []
    await Effect.runPromise(store.importBatch(tenantId, `seed:${++n}`, writes, audit))
  }
  const push = async (kind: AnyRecordKind, records: ReadonlyArray<object>) => {
    counts[kind.name] = (counts[kind.name] ?? 0) + records.length
    for (const r of records) {
      batch.push(createWrite(kind, r as never))
      if (batch.length >= batchSize) await flush()
    }
  }
  await push(organizationKind, plan.committees)
  for (const b of generateBranches(plan)) {
    await push(organizationKind, b.organizations)
    await push(memberKind, b.members)
    if (parts.meetings) {
      const year = branchMeetings(plan, b.plan, b.members)
      await push(meetingKind, year.meetings)
      if (parts.attendance) await push(attendanceKind, year.attendance)
    }
    if (parts.cycles) {
      const c = branchCycles(plan, b.plan, b.members)
      await push(duesAssessmentKind, c.duesAssessments)
      await push(duesMonthKind, c.duesMonths)
      await push(duesPaymentKind, c.duesPayments)
      await push(studyCreditKind, c.studyCredits)
      await push(studyPlanKind, c.studyPlans)
      await push(democraticEvaluationKind, c.evaluation === null ? [] : [c.evaluation])
    }
  }
  await flush()
  return { plan, counts }
}
