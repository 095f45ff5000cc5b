import { type CivilDate, chinaDate, parseCivilDate } from "@zhibu/core"
import * as Either from "effect/Either"

/**
 * 退出码 — what the command's exit status means, so a scheduler (cron, systemd, Jenkins) can act on it:
 * 0 done and nothing to report; 1 done, and the data has problems (gaps found by `check`, rows
 * refused by `import`); 2 wrong usage (an unknown option, a bad date); 3 could not run (the
 * database cannot be opened, the organization is unknown, the role may not do it).
 */
export const ExitCode = { ok: 0, findings: 1, usage: 2, failed: 3 } as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** The language of what the command prints. */
export type Lang = "zh" | "en"

/** Who the command acts as: the county committee's 组织员 (higherOrganizer) or a 县级查看者 (countyViewer, aggregates only). */
export type RoleChoice = "organizer" | "viewer"

/** The options every subcommand takes (set before or after the subcommand's name). */
export interface GlobalOptions {
  /** `sqlite:path`, `sqlite:///abs/path`, or `postgres://user:pass@host:5432/db`. */
  readonly db: string
  readonly tenant: string
  readonly role: RoleChoice
  /** The acting person's id, written in the audit log with every change. */
  readonly as: string
  /** The organization whose subtree the command works on (default: the tenant's top organization). */
  readonly org?: string
  /** Judge as on this day (YYYY-MM-DD, China time); default today. */
  readonly today?: string
  /** A local rule override (JSON) applied on the national baseline. */
  readonly profile?: string
  readonly lang: Lang
}

/** A usage error: printed with a hint to `--help`, exit status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError"
}

/** A civil date given on the command line, or a usage error naming the option. */
export const dateOption = (value: string, option: string): CivilDate =>
  Either.getOrElse(parseCivilDate(value), () => {
    throw new UsageError(`${option} 应为 YYYY-MM-DD 格式的有效日期 — ${option} must be a real date written YYYY-MM-DD, not "${value}"`)
  })

/** A year given on the command line. */
export const yearOption = (value: string, option = "--year"): number => {
  const year = Number(value)
  if (!/^\d{4}$/.test(value) || year < 1921 || year > 2999) throw new UsageError(`${option} 应为四位年份 — ${option} must be a year such as 2025, not "${value}"`)
  return year
}

/** One of a few allowed words. */
export const choiceOption = <A extends string>(value: string, allowed: ReadonlyArray<A>, option: string): A => {
  if ((allowed as ReadonlyArray<string>).includes(value)) return value as A
  throw new UsageError(`${option} 只能是 ${allowed.join("、")} — ${option} must be ${allowed.join(" or ")}, not "${value}"`)
}

/** The day the command judges by, and the instant its writes are stamped with. */
export const clockOf = (options: Pick<GlobalOptions, "today">): { readonly today: CivilDate; readonly now: Date } => {
  if (options.today === undefined) {
    const now = new Date()
    return { today: chinaDate(now), now }
  }
  const today = dateOption(options.today, "--today")
  // Noon in China on that day: a day given on the command line is judged whole.
  return { today, now: new Date(`${today}T12:00:00+08:00`) }
}

/** Text in the chosen language. */
export const t = (lang: Lang, zh: string, en: string): string => (lang === "zh" ? zh : en)
