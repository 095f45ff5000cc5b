import { chinaWorkdays } from "@zhibu/calendar-cn"
import type { RuleProfile } from "@zhibu/core"
import {
  type AnyRecordKind,
  type AuditContext,
  createWrite,
  democraticEvaluationKind,
  duesAssessmentKind,
  duesMonthKind,
  duesPaymentKind,
  leadershipRecordKind,
  Store,
  studyCreditKind,
  studyPlanKind,
  type Write
} from "@zhibu/core/store"
import { type GenerateOptions, type Generated, generate, generateCycles, leadershipHistory, planWorld, seedStore } from "@zhibu/testing"
import * as Effect from "effect/Effect"

/** What the demo county is generated from: the same options give the same county, record for record. */
export interface DemoOptions {
  readonly tenantId: string
  readonly seed: number
  /** The year generated; records stand as on its 31 December. */
  readonly year: number
  readonly profile: RuleProfile
}

/** What seeding did: every batch has a fixed id, so a second run writes nothing. */
export interface DemoSeeded {
  readonly world: Generated
  readonly organizations: number
  readonly members: number
  /** Dues, study, evaluation and leadership-history records. */
  readonly yearRecords: number
  /** Batches written by this run (0 when the database already held the demo). */
  readonly applied: number
  readonly batches: number
}

const generateOptions = (options: DemoOptions): GenerateOptions => ({
  scale: "county",
  seed: options.seed,
  year: options.year,
  tenantId: options.tenantId,
  profile: options.profile,
  workdays: chinaWorkdays
})

/** The generated county (a few hundred milliseconds; nothing is written). */
export const demoWorld = (options: DemoOptions): Generated => generate(generateOptions(options))

const withoutVersion = <A extends object>(record: A): Omit<A, "version"> => {
  const { version: _version, ...rest } = record as A & { readonly version?: number }
  return rest
}

/** The year's records besides organizations and members, kind by kind. */
function* yearWrites(options: DemoOptions, world: Generated): Generator<Write> {
  const put = (kind: AnyRecordKind, record: object): Write => createWrite(kind, withoutVersion(record) as never) as Write
  for (const record of leadershipHistory(world)) yield put(leadershipRecordKind, record)
  for (const { cycles } of generateCycles(planWorld(generateOptions(options)))) {
    for (const r of cycles.duesAssessments) yield put(duesAssessmentKind, r)
    for (const r of cycles.duesMonths) yield put(duesMonthKind, r)
    for (const r of cycles.duesPayments) yield put(duesPaymentKind, r)
    for (const r of cycles.studyCredits) yield put(studyCreditKind, r)
    for (const r of cycles.studyPlans) yield put(studyPlanKind, r)
    if (cycles.evaluation !== null) yield put(democraticEvaluationKind, cycles.evaluation)
  }
}

const BATCH = 1000

/**
 * 演示数据 — writes the generated county into the store: the organizations and member files
 * (`seedStore`), then the year's dues, study credits and plans, 民主评议 and leadership history
 * (`generateCycles`), each in batches with fixed ids, so that running it again writes nothing.
 */
export const seedDemo = (options: DemoOptions, onBatch: (done: number) => void = () => {}) =>
  Effect.gen(function* () {
    const world = demoWorld(options)
    const audit: AuditContext = { actorId: "zhibu-demo", action: "demo.seed", at: new Date(`${options.year}-12-31T12:00:00+08:00`) }
    const seeded = yield* seedStore(world, { batchPrefix: `demo-${options.seed}-${options.year}`, batchSize: BATCH, audit })
    onBatch(seeded.batches)
    const store = yield* Store
    let batch: Array<Write> = []
    let batches = seeded.batches
    let applied = seeded.applied
    let yearRecords = 0
    const flush = Effect.suspend(() => {
      const writes = batch
      batch = []
      batches++
      return Effect.map(store.importBatch(options.tenantId, `demo-${options.seed}-${options.year}:year:${batches}`, writes, audit), (r) => {
        if (r.applied) applied++
        onBatch(batches)
      })
    })
    for (const write of yearWrites(options, world)) {
      batch.push(write)
      yearRecords++
      if (batch.length >= BATCH) yield* flush
    }
    if (batch.length > 0) yield* flush
    const result: DemoSeeded = { world, organizations: seeded.organizations, members: seeded.members, yearRecords, applied, batches }
    return result
  })
