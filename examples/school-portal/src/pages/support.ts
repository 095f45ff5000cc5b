import type { Action, CommandContext, Locale } from "@zhibu/core"
import { authorize, type OrganizationNode } from "@zhibu/core/rules"
import type { Store } from "@zhibu/core/store"
import * as Cause from "effect/Cause"
import type * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import type { PortalSchool } from "../demo.js"
import type { StoreRunner } from "../runtime.js"
import { type ShownError, showError } from "../ui/format.js"
import type { PageContext } from "../ui/layout.js"

/** A service's answer as a page uses it: the value, or the error as the page shows it. */
export type Outcome<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly error: ShownError; readonly cause: unknown }

/** Everything a page handler needs for one request. */
export interface RequestEnv {
  readonly ctx: CommandContext
  readonly page: PageContext
  readonly school: PortalSchool
  readonly year: number
  /** The language of exported files. */
  readonly locale: Locale
  /** Runs a program against the store: a typed failure becomes an `Outcome` error; a defect throws. */
  readonly attempt: <A, E>(effect: Effect.Effect<A, E, Store>) => Promise<Outcome<A>>
}

export const attemptWith =
  (run: StoreRunner) =>
  async <A, E>(effect: Effect.Effect<A, E, Store>): Promise<Outcome<A>> => {
    const exit = await run(effect)
    if (Exit.isSuccess(exit)) return { ok: true, value: exit.value }
    const failure = Cause.failureOption(exit.cause)
    if (Option.isSome(failure)) return { ok: false, error: showError(failure.value), cause: failure.value }
    throw Cause.squash(exit.cause)
  }

/** The organizations authorization walks for the demo school: the county above the branch. */
export const treeOf = (school: PortalSchool): ReadonlyArray<OrganizationNode> => [
  { id: school.countyId, parentId: null },
  { id: school.branchId, parentId: school.countyId }
]

/** Whether the acting user may do `action` in the organization (for the menu; the services decide for real). */
export const may = (ctx: CommandContext, school: PortalSchool, action: Action, organizationId: string, personId?: string): boolean =>
  authorize(ctx.actor, action, { organizationId, ...(personId === undefined ? {} : { personId }) }, treeOf(school))._tag === "Right"

/**
 * The last month whose dues have fallen due: the month before today's (dues are paid during the
 * month), or the whole year for a past year. In January, January itself.
 */
export const duesAsOf = (today: string, year: number): string => {
  if (year < Number(today.slice(0, 4))) return `${year}-12`
  const month = Number(today.slice(5, 7))
  return `${year}-${String(Math.max(1, month - 1)).padStart(2, "0")}`
}

/** Reads a form body into a map of arrays (a field may repeat: attendance rows). */
export const formOf = async (request: Request): Promise<FormValues> => {
  const data = await request.formData()
  const values = new Map<string, Array<string>>()
  for (const [k, v] of data.entries()) {
    if (typeof v !== "string") continue
    values.set(k, [...(values.get(k) ?? []), v])
  }
  return {
    get: (k) => values.get(k)?.[0]?.trim() ?? "",
    all: (k) => values.get(k) ?? []
  }
}

export interface FormValues {
  /** The first value of the field, trimmed ("" when absent). */
  readonly get: (key: string) => string
  readonly all: (key: string) => ReadonlyArray<string>
}

/** A whole number from a form field, or the text itself so that the service refuses it by name. */
export const intOrText = (value: string): number | string => (/^-?\d+$/.test(value) ? Number(value) : value)
