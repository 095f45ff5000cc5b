import { MemoryStore } from "@zhibu/store-memory"
import { type Generated, generate, generateCycles, leadershipHistory, planWorld, seedStore } from "@zhibu/testing"
import * as Effect from "effect/Effect"
import type { Actor } from "../../src/auth/actor.js"
import { weekdayCalendar } from "../../src/calendar/workday-calendar.js"
import { duesAssessmentKind, duesMonthKind, duesPaymentKind } from "../../src/dues/kinds.js"
import { democraticEvaluationKind } from "../../src/evaluation/kinds.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { leadershipRecordKind } from "../../src/org/history-leadership.js"
import type { CommandContext } from "../../src/service/context.js"
import { createWrite, type StoreShape, Store, type Write } from "../../src/store/port.js"
import type { AnyRecordKind } from "../../src/store/record-kind.js"
import { studyCreditKind, studyPlanKind } from "../../src/study/kinds.js"
import type { TenantId } from "../../src/tenant/ids.js"
import { actor } from "../support/records.js"

/**
 * The research county of seed 003 (66 branches, 1,510 members, 22 newly developed, 12 elections, 8
 * secretaries changed in 2025) in a memory store: the generator's organizations and files, the year's
 * dues, study and evaluations (`generateCycles`), and the leadership history its facts describe.
 */
export interface County {
  readonly world: Generated
  readonly store: StoreShape
  readonly countyId: string
  /** Everything written besides organizations and members, by kind name. */
  readonly written: ReadonlyMap<string, ReadonlyArray<Record<string, unknown>>>
}

/** 2026-01-10 10:00 in China: the year 2025 is over. */
export const AFTER_2025 = new Date("2026-01-10T02:00:00Z")

export const countyCtx = (county: County, who: Actor, now = AFTER_2025): CommandContext => ({
  tenantId: county.world.tenantId as TenantId,
  actor: who,
  now,
  profile: nationalBaseline,
  workdays: weekdayCalendar
})

export const organizerOf = (county: County): Actor => actor("o-county", ["higherOrganizer", county.countyId])
export const viewerOf = (county: County): Actor => actor("v-county", ["countyViewer", county.countyId])

const withoutVersion = <A extends { readonly version: number }>({ version: _v, ...rest }: A): Omit<A, "version"> => rest

/** Builds the county of seed 3 in a fresh memory store (a few seconds). */
export const buildCounty = (options: { readonly cycles?: boolean } = {}): Promise<County> =>
  Effect.runPromise(
    Effect.gen(function* () {
      const world = generate({ scale: "county", seed: 3, year: 2025 })
      const store = yield* MemoryStore.make()
      yield* Effect.provideService(seedStore(world), Store, store)
      const written = new Map<string, Array<Record<string, unknown>>>()
      const writes: Array<Write> = []
      const put = (kind: AnyRecordKind, records: ReadonlyArray<{ readonly version: number } | Record<string, unknown>>) => {
        const list = written.get(kind.name) ?? []
        written.set(kind.name, list)
        for (const r of records) {
          const plain = "version" in r ? withoutVersion(r as { readonly version: number }) : r
          list.push(plain as Record<string, unknown>)
          writes.push(createWrite(kind, plain as never))
        }
      }
      put(leadershipRecordKind, leadershipHistory(world).map(withoutVersion) as ReadonlyArray<Record<string, unknown>>)
      if (options.cycles !== false) {
        for (const { cycles } of generateCycles(planWorld({ scale: "county", seed: 3, year: 2025 }))) {
          put(duesAssessmentKind, cycles.duesAssessments)
          put(duesMonthKind, cycles.duesMonths)
          put(duesPaymentKind, cycles.duesPayments)
          put(studyCreditKind, cycles.studyCredits)
          put(studyPlanKind, cycles.studyPlans)
          if (cycles.evaluation !== null) put(democraticEvaluationKind, [cycles.evaluation])
        }
      }
      for (let i = 0; i < writes.length; i += 500) {
        yield* store.write(world.tenantId, writes.slice(i, i + 500), { actorId: "seed", at: AFTER_2025, action: "seed" })
      }
      const countyId = world.organizations.find((o) => o.parentId === null)!.id
      return { world, store, countyId, written } satisfies County
    })
  )

/** A store that records each read it serves (`list member`, `aggregate duesMonth`, …). */
export const watching = (
  inner: StoreShape
): { readonly store: StoreShape; readonly reads: Array<string>; readonly listFilters: Array<{ readonly kind: string; readonly fields: ReadonlyArray<string> }> } => {
  const reads: Array<string> = []
  const listFilters: Array<{ readonly kind: string; readonly fields: ReadonlyArray<string> }> = []
  const store: StoreShape = {
    ...inner,
    get: (kind, tenantId, id) => {
      reads.push(`get ${kind.name}`)
      return inner.get(kind, tenantId, id)
    },
    list: (kind, tenantId, filter, options) => {
      reads.push(`list ${kind.name}`)
      listFilters.push({ kind: kind.name, fields: Object.keys(filter ?? {}) })
      return inner.list(kind, tenantId, filter, options)
    },
    aggregate: (kind, tenantId, query) => {
      reads.push(`aggregate ${kind.name}`)
      return inner.aggregate(kind, tenantId, query)
    }
  }
  return { store, reads, listFilters }
}
