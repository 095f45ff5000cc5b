import { chinaWorkdays } from "@zhibu/calendar-cn"
import * as Effect from "effect/Effect"
import { collectDemo, type DemoReport, meetingsOn, renderDemo } from "../demo/report.js"
import { seedDemo } from "../demo/seed.js"
import { clockOf, ExitCode, type GlobalOptions, t } from "../options.js"
import { contextFor, profileOf, redact, runWithStore } from "../session.js"

export interface DemoCommandOptions {
  /** The generator's seed (default 3: the research county of 66 branches and 1,510 members). */
  readonly seed: number
  /** The year generated (default: last year). */
  readonly year?: number
  /** Entries shown per list (0: all). */
  readonly limit: number
}

/**
 * `zhibu demo` — writes a demo county from @zhibu/testing's generator into the database (the
 * organizations and member files, and a year of dues, study, 民主评议 and elections; once — a second
 * run writes nothing), then prints what the library makes of it, as the county's 组织员: the tree with
 * people by stage, the findings with their articles, the six-month agenda, the matters to decide, the
 * meetings the rules ask for, and the year's figures.
 */
export const demoCommand = (global: GlobalOptions, options: DemoCommandOptions): Promise<ExitCode> =>
  runWithStore(
    global,
    Effect.gen(function* () {
      const profile = profileOf(global)
      const { today } = clockOf(global)
      const year = options.year ?? Number(today.slice(0, 4)) - 1
      const lang = global.lang
      const tty = process.stderr.isTTY === true
      process.stderr.write(t(lang, `正在写入演示县（种子 ${options.seed}，${year} 年）…`, `writing the demo county (seed ${options.seed}, year ${year})…`) + (tty ? "" : "\n"))
      const seeded = yield* seedDemo({ tenantId: global.tenant, seed: options.seed, year, profile }, (n) => {
        if (tty) process.stderr.write(".")
        void n
      })
      if (tty) process.stderr.write("\n")
      const root = seeded.world.organizations.find((o) => o.parentId === null)!
      const ctx = contextFor({ ...global, role: "organizer" }, [root.id], profile)
      const read = yield* collectDemo(ctx, root.id, year)
      const report: DemoReport = {
        database: redact(global.db),
        tenant: global.tenant,
        today,
        profile,
        coveredTo: chinaWorkdays.coveredYears?.to,
        seed: options.seed,
        year,
        seeded,
        ...read,
        meetings: meetingsOn(profile, today),
        limit: options.limit
      }
      process.stdout.write(renderDemo(report, lang))
      return ExitCode.ok
    })
  )
