import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chinaWorkdays } from "@zhibu/calendar-cn"
import { type CivilDate, nationalBaseline } from "@zhibu/core"
import { Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { createPortal, DEMO_TENANT, type RoleKey, seedDemoSchool, type SeedReport, storeRuntime } from "../src/index.js"

/** The day the tests judge by: the demo school as it stands on 1 December 2026, 10:00 in Beijing. */
export const TODAY = "2026-12-01" as CivilDate
export const NOW = new Date("2026-12-01T10:00:00+08:00")

/** The origin `app.request` gives requests (`http://localhost/...`): a same-origin form post sends it. */
export const ORIGIN = "http://localhost"

export interface Harness {
  readonly app: ReturnType<typeof createPortal>
  readonly seed: SeedReport
  readonly run: ReturnType<typeof storeRuntime>["run"]
  /** The number of entries in the tenant's audit log (every change adds at least one). */
  readonly auditCount: () => Promise<number>
  readonly lastAudit: () => Promise<{ readonly actorId: string; readonly action: string }>
  readonly get: (path: string, role?: RoleKey) => Promise<Response>
  readonly post: (path: string, form: Record<string, string | ReadonlyArray<string>>, options?: { role?: RoleKey; origin?: string | null }) => Promise<Response>
  readonly close: () => Promise<void>
}

/** A fresh temporary SQLite file, migrated and seeded with the demo school, and the portal over it. */
export const harness = async (options: { readonly basePath?: string } = {}): Promise<Harness> => {
  const dir = mkdtempSync(join(tmpdir(), "zhibu-portal-test-"))
  const store = storeRuntime(`sqlite:${join(dir, "portal.sqlite")}`)
  const exit = await store.run(seedDemoSchool({ tenantId: DEMO_TENANT, seed: 1, today: TODAY, profile: nationalBaseline, workdays: chinaWorkdays }))
  if (!Exit.isSuccess(exit)) throw new Error(`seeding failed: ${String(exit.cause)}`)
  const app = createPortal({ run: store.run, school: exit.value.school, workdays: chinaWorkdays, clock: () => NOW, ...options })
  const base = options.basePath ?? ""
  const audit = async () => {
    const result = await store.run(Effect.flatMap(Store, (s) => s.auditLog(DEMO_TENANT)))
    if (!Exit.isSuccess(result)) throw new Error("audit log unreadable")
    return result.value
  }
  const cookie = (role?: RoleKey): Record<string, string> => (role === undefined ? {} : { cookie: `zhibu-demo-role=${role}` })
  return {
    app,
    seed: exit.value,
    run: store.run,
    auditCount: async () => (await audit()).length,
    lastAudit: async () => (await audit()).at(-1)!,
    get: (path, role) => Promise.resolve(app.request(`${base}${path}`, { headers: cookie(role) })),
    post: (path, form, opts = {}) => {
      const body = new URLSearchParams()
      for (const [k, v] of Object.entries(form)) for (const one of typeof v === "string" ? [v] : v) body.append(k, one)
      const origin = opts.origin === undefined ? ORIGIN : opts.origin
      return Promise.resolve(
        app.request(`${base}${path}`, { method: "POST", body, headers: { ...cookie(opts.role), ...(origin === null ? {} : { origin }) } })
      )
    },
    close: async () => {
      await store.dispose()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** The text of an HTML page without its tags (for "the page says …" checks). */
export const textOf = (html: string): string => html.replace(/<[^>]+>/g, " ").replace(/&nbsp;/g, " ").replace(/\s+/g, " ")
