import { chinaDate, type Locale, nationalBaseline, type RuleProfile, type WorkdayCalendar } from "@zhibu/core"
import { type Context, Hono } from "hono"
import { getCookie, setCookie } from "hono/cookie"
import { csrf } from "hono/csrf"
import { secureHeaders } from "hono/secure-headers"
import { type ActingUser, contextOf, type DemoSchool, demoActors, type PortalSchool, type RoleKey, roleKeys } from "./demo.js"
import { auditPage } from "./pages/audit.js"
import { countyPage } from "./pages/county.js"
import { dashboardPage } from "./pages/dashboard.js"
import { exportFile } from "./pages/exports.js"
import { ledgersPage } from "./pages/ledgers.js"
import { meetingDetailPage, meetingFormPage, meetingsPage, recordMeeting } from "./pages/meetings.js"
import { memberFilePage, membersPage, recordStep } from "./pages/members.js"
import { myPage } from "./pages/mine.js"
import { planCalendar, planPage } from "./pages/plan.js"
import { reportsPage } from "./pages/reports.js"
import { attemptWith, may, type RequestEnv } from "./pages/support.js"
import type { StoreRunner } from "./runtime.js"
import { css, script } from "./ui/assets.js"
import type { Section } from "./ui/layout.js"

/**
 * 支部工作台 — the portal as a Hono app that another team's server can mount.
 *
 * The host passes what the library never finds out by itself: how to run a program against its
 * store, which school (tenant, county and branch) the portal shows, the rule profile and
 * working-day calendar, the clock, and — from its own login — who is acting. Without `identify`
 * the portal offers the demo's role switcher (a cookie), which is how the demo shows authorization
 * at work.
 */
export interface PortalOptions {
  readonly run: StoreRunner
  /** The branch shown; with the demo role switcher (no `identify`), a {@link DemoSchool} naming its secretary and a member. */
  readonly school: PortalSchool | DemoSchool
  readonly workdays: WorkdayCalendar
  /** Default: the national baseline. */
  readonly profile?: RuleProfile
  /** The path the app is mounted under, e.g. `/party` (default: the root). */
  readonly basePath?: string
  /** The language of exported files (the iCalendar titles); the pages are in Chinese. Default `zh`. */
  readonly locale?: Locale
  /** The current instant (default: the system clock). The demo's `--today` fixes it. */
  readonly clock?: () => Date
  /**
   * Who is acting, from the host's own session: return the person and the roles the host has
   * established. Without it, the demo role switcher decides (secretary by default).
   */
  readonly identify?: (c: Context) => ActingUser | Promise<ActingUser>
}

const ROLE_COOKIE = "zhibu-demo-role"

const isRoleKey = (value: string | undefined): value is RoleKey => value !== undefined && (roleKeys as ReadonlyArray<string>).includes(value)

/** The sections a role can use, from the library's own permission table. */
const sectionsFor = (env: Pick<RequestEnv, "ctx" | "school">): ReadonlySet<Section> => {
  const { ctx, school } = env
  const s = new Set<Section>(["dashboard"])
  const branch = school.branchId
  if (may(ctx, school, "meeting.read", branch)) s.add("meetings").add("plan")
  if (may(ctx, school, "organization.read", branch)) s.add("members").add("reports").add("audit")
  if (may(ctx, school, "dues.read", branch) || may(ctx, school, "dues.read", branch, ctx.actor.personId)) s.add("ledgers")
  if (may(ctx, school, "report.aggregate", school.countyId)) s.add("county")
  return s
}

export const createPortal = (options: PortalOptions) => {
  const base = options.basePath === undefined || options.basePath === "/" ? "" : options.basePath.replace(/\/$/, "")
  const profile = options.profile ?? nationalBaseline
  const clock = options.clock ?? (() => new Date())
  const demo = "secretaryId" in options.school ? (options.school as DemoSchool) : undefined
  if (options.identify === undefined && demo === undefined) throw new Error("createPortal: pass `identify` (who is acting), or a DemoSchool for the demo role switcher")
  const actors = demo === undefined ? undefined : demoActors(demo)
  const attempt = attemptWith(options.run)
  const app = base === "" ? new Hono({ strict: false }) : new Hono({ strict: false }).basePath(base)

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"]
      },
      referrerPolicy: "same-origin"
    })
  )
  // Every form posts to the same origin: a POST from another site (no same-origin Origin or
  // Sec-Fetch-Site header) is refused with 403 before any handler runs.
  app.use("*", csrf())

  const envOf = async (c: Context): Promise<RequestEnv> => {
    const now = clock()
    const today = chinaDate(now)
    const user: ActingUser =
      options.identify !== undefined
        ? await options.identify(c)
        : actors![((role) => (isRoleKey(role) ? role : "secretary"))(getCookie(c, ROLE_COOKIE))]
    const ctx = contextOf(options.school.tenantId, user.actor, now, profile, options.workdays)
    const partial = { ctx, school: options.school }
    return {
      ...partial,
      locale: options.locale ?? "zh",
      year: Number(today.slice(0, 4)),
      attempt,
      page: {
        base,
        user,
        roles: options.identify === undefined && actors !== undefined ? roleKeys.map((k) => actors[k]) : [],
        today,
        // The organization the acting user works in: the branch, or the county for a county viewer.
        branchName: may(ctx, options.school, "organization.read", options.school.branchId) || may(ctx, options.school, "member.read", options.school.branchId, ctx.actor.personId) ? options.school.branchName : options.school.countyName,
        sections: sectionsFor(partial)
      }
    }
  }

  const html = (c: Context, page: { status: number; body: unknown }) => c.html(page.body as string, page.status as 200)

  app.get("/assets/portal.css", (c) => c.body(css, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "no-cache" }))
  app.get("/assets/portal.js", (c) => c.body(script, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" }))

  app.post("/role", async (c) => {
    const role = (await c.req.formData()).get("role")
    if (typeof role === "string" && isRoleKey(role)) setCookie(c, ROLE_COOKIE, role, { path: base === "" ? "/" : base, httpOnly: true, sameSite: "Lax" })
    return c.redirect(base === "" ? "/" : base, 303)
  })

  app.get("/", async (c) => {
    const env = await envOf(c)
    if (env.page.sections.has("members")) return html(c, await dashboardPage(env))
    if (env.page.sections.has("county") && !env.page.sections.has("ledgers")) return c.redirect(`${base}/county`, 303)
    return html(c, await myPage(env))
  })
  app.get("/meetings", async (c) => html(c, await meetingsPage(await envOf(c))))
  app.get("/meetings/new", async (c) => html(c, await meetingFormPage(await envOf(c), c.req.query())))
  app.post("/meetings", async (c) => {
    const env = await envOf(c)
    const page = await recordMeeting(env, c.req.raw)
    return "redirect" in page ? c.redirect(page.redirect, 303) : html(c, page)
  })
  app.get("/meetings/:id", async (c) => html(c, await meetingDetailPage(await envOf(c), c.req.param("id"), c.req.query("recorded") === "1")))
  app.get("/members", async (c) => html(c, await membersPage(await envOf(c), c.req.query("recorded"))))
  app.get("/members/:id", async (c) => html(c, await memberFilePage(await envOf(c), c.req.param("id"))))
  app.post("/members/:id/steps", async (c) => {
    const env = await envOf(c)
    const page = await recordStep(env, c.req.param("id"), c.req.raw)
    return "redirect" in page ? c.redirect(page.redirect, 303) : html(c, page)
  })
  app.get("/ledgers", async (c) => html(c, await ledgersPage(await envOf(c))))
  app.get("/plan", async (c) => html(c, await planPage(await envOf(c), c.req.query("year"))))
  app.get("/plan.ics", async (c) => {
    const result = await planCalendar(await envOf(c), c.req.query("year"))
    if (!("ics" in result)) return html(c, result)
    return c.body(result.ics, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${result.filename}"`
    })
  })
  app.get("/reports", async (c) => html(c, await reportsPage(await envOf(c), c.req.query("year"))))
  app.get("/exports/:file", async (c) => {
    const result = await exportFile(await envOf(c), c.req.param("file"), c.req.query("year"))
    if (!("bytes" in result)) return html(c, result)
    return c.body(result.bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": result.contentType, "content-disposition": `attachment; filename="${result.filename}"` })
  })
  app.get("/county", async (c) => html(c, await countyPage(await envOf(c))))
  app.get("/audit", async (c) => html(c, await auditPage(await envOf(c))))
  return app
}
