import { readFileSync } from "node:fs"
import { chinaWorkdays } from "@zhibu/calendar-cn"
import { applyOverride, type CivilDate, type CommandContext, makeCommandContext, nationalBaseline, type Organization, type RuleProfile } from "@zhibu/core"
import { organizationKind, Store } from "@zhibu/core/store"
import { SqlStore } from "@zhibu/store-sql"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import { clockOf, ExitCode, type GlobalOptions, type Lang, UsageError } from "./options.js"

/** The database when `--db` and `ZHIBU_DB` are not given: a SQLite file in the working folder. */
export const DEFAULT_DB = "sqlite:zhibu.sqlite"
/** The tenant when `--tenant` and `ZHIBU_TENANT` are not given: the one `zhibu demo` fills. */
export const DEFAULT_TENANT = "demo-county"

/** What a command runs with: the context it acts in, the subtree it works on, and the day. */
export interface Session {
  readonly options: GlobalOptions
  readonly lang: Lang
  readonly ctx: CommandContext
  readonly today: CivilDate
  /** The tenant's organizations. */
  readonly organizations: ReadonlyArray<Organization>
  /** `--org`, or the tenant's top organization. */
  readonly organization: Organization
}

/** A failure the command explains itself (exit status 3): the message is printed as it is. */
export class CommandFailed extends Error {
  override readonly name = "CommandFailed"
}

/** The rule profile: the national baseline, or a local override file applied on it. */
export const profileOf = (options: GlobalOptions): RuleProfile => {
  if (options.profile === undefined) return nationalBaseline
  let json: unknown
  try {
    json = JSON.parse(readFileSync(options.profile, "utf8"))
  } catch (e) {
    throw new UsageError(`无法读取本地规则文件 ${options.profile} — cannot read the profile ${options.profile}: ${e instanceof Error ? e.message : String(e)}`)
  }
  return Either.getOrElse(applyOverride(nationalBaseline, json), (error) => {
    throw new UsageError(error.message)
  })
}

const roleOf = { organizer: "higherOrganizer", viewer: "countyViewer" } as const

/**
 * The command's context: the acting person holds the chosen role (组织员 or 县级查看者) in every top
 * organization of the tenant — the CLI acts for the county committee. A host with its own login
 * would put the roles it established here instead.
 */
export const contextFor = (options: GlobalOptions, grantedAt: ReadonlyArray<string>, profile: RuleProfile): CommandContext => {
  const { now } = clockOf(options)
  const made = makeCommandContext({
    tenantId: options.tenant,
    actor: { personId: options.as, roles: grantedAt.map((organizationId) => ({ role: roleOf[options.role], organizationId })) },
    now,
    profile,
    workdays: chinaWorkdays
  })
  return Either.getOrElse(made, (error) => {
    throw new UsageError(error.message)
  })
}

/** The store of `--db`, migrated when opened. */
export const storeLayer = (options: GlobalOptions) => SqlStore.layerFromUrl(options.db, { migrate: "onStart" })

/** Reads the tenant's organizations and finds the subtree to work on. */
const openSession = (options: GlobalOptions, profile: RuleProfile) =>
  Effect.gen(function* () {
    const store = yield* Store
    const organizations = yield* store.list(organizationKind, options.tenant)
    const tops = organizations.filter((o) => o.parentId === null)
    if (tops.length === 0) {
      return yield* Effect.fail(
        new CommandFailed(
          `租户 ${options.tenant} 在 ${redact(options.db)} 中没有党组织：先运行 zhibu demo，或用 --tenant 指定租户 — ` +
            `tenant "${options.tenant}" has no organizations in ${redact(options.db)}: run \`zhibu demo\` first, or give --tenant`
        )
      )
    }
    const ctx = contextFor(options, tops.map((o) => o.id), profile)
    const id = options.org ?? (tops.length === 1 ? tops[0]!.id : undefined)
    if (id === undefined) {
      return yield* Effect.fail(new CommandFailed(`租户有多个顶层党组织，请用 --org 指定 — the tenant has several top organizations (${tops.map((o) => o.id).join(", ")}): give --org`))
    }
    const organization = organizations.find((o) => o.id === id)
    if (organization === undefined) {
      return yield* Effect.fail(new CommandFailed(`租户 ${options.tenant} 中没有党组织 ${id} — tenant "${options.tenant}" has no organization "${id}"`))
    }
    const session: Session = { options, lang: options.lang, ctx, today: clockOf(options).today, organizations, organization }
    return session
  })

/** A database URL with its password hidden, for messages. */
export const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:***@")

/** Prints a failure and returns exit status 3 (2 for a usage error). */
export const reportFailure = (error: unknown): ExitCode => {
  if (error instanceof UsageError) {
    process.stderr.write(`zhibu: ${error.message}\n（使用 --help 查看用法 / add --help for usage）\n`)
    return ExitCode.usage
  }
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`zhibu: ${message}\n`)
  return ExitCode.failed
}

/**
 * Runs a command's program against the store of `--db`: opens (and migrates) the database, reads
 * the tenant's tree, runs, closes. The program's number is the exit status; a failure is printed
 * (every zhibu error says what and why in Chinese and English) and is status 3.
 */
export const runSession = async <E>(options: GlobalOptions, program: (session: Session) => Effect.Effect<ExitCode, E, Store>): Promise<ExitCode> => {
  try {
    // Wrong usage is found before the database is opened.
    clockOf(options)
    const profile = profileOf(options)
    const exit = await Effect.runPromiseExit(
      Effect.flatMap(openSession(options, profile), program).pipe(Effect.provide(storeLayer(options)))
    )
    return Exit.isSuccess(exit) ? exit.value : reportFailure(Cause.squash(exit.cause))
  } catch (error) {
    return reportFailure(error)
  }
}

/** Runs a program that needs the store but no tree (the demo, which makes the tree). */
export const runWithStore = async <E>(options: GlobalOptions, program: Effect.Effect<ExitCode, E, Store>): Promise<ExitCode> => {
  try {
    const exit = await Effect.runPromiseExit(program.pipe(Effect.provide(storeLayer(options))))
    return Exit.isSuccess(exit) ? exit.value : reportFailure(Cause.squash(exit.cause))
  } catch (error) {
    return reportFailure(error)
  }
}
