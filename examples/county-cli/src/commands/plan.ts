import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { meetingService, type Organization } from "@zhibu/core"
import { yearPlanToICalendar } from "@zhibu/io"
import * as Effect from "effect/Effect"
import { ExitCode, t, UsageError } from "../options.js"
import type { Session } from "../session.js"

export interface PlanOptions {
  readonly year?: number
  /** A file for one branch (`-` or absent: standard output); a folder when the subtree has several branches. */
  readonly out?: string
}

const isBranch = (o: Organization): boolean => (o.kind === "branch" || o.kind === "jointBranch") && o.dissolvedOn === null

/** The branches of the subtree, in the tenant's order: the organization itself when it is a branch (or a group's branch). */
const branchesUnder = (session: Session): ReadonlyArray<Organization> => {
  const { organization, organizations } = session
  if (organization.kind === "partyGroup") return organizations.filter((o) => o.id === organization.parentId)
  const below = new Set<string>([organization.id])
  let grew = true
  while (grew) {
    grew = false
    for (const o of organizations) {
      if (o.parentId !== null && below.has(o.parentId) && !below.has(o.id)) {
        below.add(o.id)
        grew = true
      }
    }
  }
  return organizations.filter((o) => below.has(o.id) && isBranch(o))
}

/**
 * `zhibu plan` — each branch's year plan (`meetingService.yearPlan`) as an iCalendar file
 * (`yearPlanToICalendar` of @zhibu/io) that Outlook, Apple and Google calendars import.
 */
export const planCommand = (options: PlanOptions) => (session: Session) =>
  Effect.gen(function* () {
    const year = options.year ?? Number(session.today.slice(0, 4))
    const branches = branchesUnder(session)
    if (branches.length === 0) throw new UsageError(`${session.organization.id} 下没有党支部 — there is no branch under ${session.organization.id}`)
    const several = branches.length > 1
    if (several && (options.out === undefined || options.out === "-")) {
      throw new UsageError(
        `${session.organization.id} 下有 ${branches.length} 个支部：用 --org 指定一个支部，或用 --out 指定存放 .ics 文件的文件夹 — ` +
          `${session.organization.id} has ${branches.length} branches: give one branch with --org, or a folder for the .ics files with --out`
      )
    }
    if (several) mkdirSync(options.out!, { recursive: true })
    for (const branch of branches) {
      const plan = yield* meetingService.yearPlan(session.ctx, { organizationId: branch.id, year })
      const ics = yearPlanToICalendar(plan, { generatedAt: session.ctx.now, locale: session.lang, name: `${branch.name} ${year}` })
      if (!several && (options.out === undefined || options.out === "-")) {
        process.stdout.write(ics)
        continue
      }
      const path = several ? join(options.out!, `${branch.id}-${year}.ics`) : options.out!
      writeFileSync(path, ics)
    }
    if (options.out !== undefined && options.out !== "-") {
      process.stderr.write(t(session.lang, `已写入 ${branches.length} 个支部的 ${year} 年度计划：${options.out}\n`, `wrote the ${year} plan of ${branches.length} branch(es) to ${options.out}\n`))
    }
    return ExitCode.ok
  })
