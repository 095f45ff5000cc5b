import { chinaWorkdays } from "@zhibu/calendar-cn"
import { type CivilDate, type Locale, reportService } from "@zhibu/core"
import { expectedMeetings } from "@zhibu/core/rules"
import { memberKind, Store } from "@zhibu/core/store"
import { connectSqlite, SqlStore } from "@zhibu/store-sql"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { loadProfile, type ProfileChoice } from "./profile.js"
import { type DemoReport, render } from "./render.js"
import { contextFor, type DemoSetup, seedDemo } from "./seed.js"
import { evidence, ORG, organizer, TENANT } from "./seed-data.js"

export interface DemoOptions {
  readonly locale: Locale
  /** The day the demo judges by; the demo data are dated back from it. */
  readonly today: CivilDate
  /** The SQLite file: created and seeded when new, reported on as it is when it already holds the demo. */
  readonly dbFile: string
  readonly profile: ProfileChoice
}

/** How far ahead the agenda looks, in months: about one school semester. */
export const AGENDA_MONTHS = 6

/** Seeds the demo county when the store does not hold it yet, then reads what the report shows. */
const collect = (setup: DemoSetup, dbFile: string) =>
  Effect.gen(function* () {
    const store = yield* Store
    const auditBefore = (yield* store.auditLog(TENANT)).length
    const seeded = yield* seedDemo(setup)
    const agenda = yield* reportService.branchAgenda(contextFor(setup, organizer), {
      organizationId: ORG.county,
      horizonMonths: AGENDA_MONTHS,
      evidence: evidence(setup.today)
    })
    const members = yield* store.list(memberKind, TENANT)
    const auditAfter = (yield* store.auditLog(TENANT)).length
    const report: DemoReport = {
      dbFile,
      today: setup.today,
      profile: setup.profile,
      workdays: setup.workdays,
      seeded,
      agenda,
      members,
      meetings: expectedMeetings(setup.profile, setup.today),
      audit: { total: auditAfter, thisRun: auditAfter - auditBefore },
      agendaMonths: AGENDA_MONTHS
    }
    return report
  })

/**
 * 演示 — opens (or creates) the SQLite file, migrates it, seeds the demo county through the services
 * if it is not there yet, and returns the report as text in the chosen locale. Rejects with the
 * typed error itself (a `StepRejected`, a `StoreUnavailable`…; its `message` says what and why).
 */
export const runDemo = (options: DemoOptions): Promise<string> =>
  Effect.runPromiseExit(
    Effect.scoped(
      Effect.gen(function* () {
        const profile = yield* loadProfile(options.profile)
        const setup: DemoSetup = { today: options.today, profile, workdays: chinaWorkdays }
        const connection = yield* Effect.acquireRelease(connectSqlite(options.dbFile), (c) => c.close)
        const layer = SqlStore.layer({ db: connection.db, dialect: connection.dialect, migrate: "onStart" })
        const report = yield* collect(setup, options.dbFile).pipe(Effect.provide(layer))
        return render(report, options.locale)
      })
    )
  ).then((exit) => (Exit.isSuccess(exit) ? exit.value : Promise.reject(Cause.squash(exit.cause))))
