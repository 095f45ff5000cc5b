import * as Effect from "effect/Effect"
import { beforeAll, describe, expect, it } from "vitest"
import { annualViewSpec, type CountyView, type CountyViewRow } from "../../src/report/county-view.js"
import { flattenFigures } from "../../src/report/figures.js"
import type { AnnualSummary } from "../../src/report/annual-summary.js"
import { reportService } from "../../src/report/report-service.js"
import { inferBounds, type PublishedCell, type SumEquation } from "../../src/report/suppression.js"
import { Store } from "../../src/store/port.js"
import { buildCounty, type County, countyCtx, organizerOf, viewerOf } from "./county-fixture.js"

/** The county view of the research county: aggregates only, small counts never recoverable. */
describe("report.countyView on the generated county (seed 3, 2025)", () => {
  let county: County
  let view: CountyView
  let exact: AnnualSummary
  beforeAll(async () => {
    county = await buildCounty()
    const run = <A, E>(effect: Effect.Effect<A, E, Store>) => Effect.runPromise(Effect.provideService(effect, Store, county.store))
    view = await run(reportService.countyView(countyCtx(county, viewerOf(county)), { organizationId: county.countyId, year: 2025 }))
    exact = await run(reportService.annualSummary(countyCtx(county, organizerOf(county)), { organizationId: county.countyId, year: 2025 }))
  }, 120_000)

  it("a county viewer reads the view but is Forbidden the exact summary", async () => {
    const refused = await Effect.runPromise(
      Effect.flip(Effect.provideService(reportService.annualSummary(countyCtx(county, viewerOf(county)), { organizationId: county.countyId, year: 2025 }), Store, county.store))
    )
    expect(refused).toMatchObject({ _tag: "ZhibuForbidden", action: "organization.read" })
    expect(view.rule).toMatchObject({ id: "report.smallCell.threshold", parameters: { minimum: 5 } })
    expect(view.annual).toHaveLength(exact.organizations.length)
  })

  it("publishes the county's totals exactly: 1,510 members (full and probationary), 22 newly developed", () => {
    const root = view.annual[0]!.subtree
    expect(root["members.active.full"]).toEqual({ kind: "exact", value: exact.totals.members.active.full })
    expect(root["members.active.probationary"]).toEqual({ kind: "exact", value: 22 })
    expect((root["members.active.full"] as { value: number }).value + 22).toBe(1_510)
    expect(root.newlyDeveloped).toEqual({ kind: "exact", value: 22 })
    expect(root["organizations.branch"]).toEqual({ kind: "exact", value: 66 })
    expect(root["members.status.active"]).toBeUndefined()
  })

  it("every count of people below 5 reads '<5', every exact cell is the truth, and no small count is pinned by totals minus parts", () => {
    const truth = new Map(exact.organizations.map((r) => [r.organizationId, { subtree: flattenFigures(r.subtree), own: flattenFigures(r.own) }]))
    const paths = Object.keys(view.annual[0]!.subtree).filter(annualViewSpec.countsPeople)
    expect(paths.length).toBeGreaterThan(10)
    let small = 0
    for (const path of paths) {
      const published = new Map<string, PublishedCell>()
      const equations: Array<SumEquation> = []
      for (const row of view.annual) {
        const t = truth.get(row.organizationId)!
        check(row, path, "subtree", t.subtree.get(path) ?? 0)
        published.set(`s:${row.organizationId}`, row.subtree[path]!)
        if (row.own !== undefined) {
          check(row, path, "own", t.own.get(path) ?? 0)
          published.set(`o:${row.organizationId}`, row.own[path]!)
          const children = view.annual.filter((c) => c.parentId === row.organizationId).map((c) => `s:${c.organizationId}`)
          equations.push({ total: `s:${row.organizationId}`, parts: [`o:${row.organizationId}`, ...children] })
        }
      }
      const bounds = inferBounds(published, equations, 5)
      for (const [id, cell] of published) {
        if (cell.kind !== "small") continue
        small++
        expect(bounds.get(id)!.hi, `${path} ${id}`).toBeGreaterThan(bounds.get(id)!.lo)
      }
    }
    expect(small).toBeGreaterThan(100)
  })

  it("the funnel is published the same way, with mean days only for the whole county", () => {
    const root = view.funnel[0]!.subtree
    expect(root["years.2025.entered.probationary"]).toEqual({ kind: "exact", value: 22 })
    expect(Object.keys(root).some((p) => p.includes(".days."))).toBe(false)
    expect(Object.keys(view.meanDays)).toEqual(["2023", "2024", "2025"])
    expect(view.meanDays["2025"]!.probationary).toBeGreaterThan(300)
  })

  it("holds no person's id or name", () => {
    const json = JSON.stringify(view)
    const leaked = county.world.members.flatMap((m) => [m.id, m.name]).filter((t) => json.includes(`"${t}"`))
    expect(leaked).toEqual([])
  })
})

const check = (row: CountyViewRow, path: string, side: "subtree" | "own", value: number) => {
  const cell = (side === "own" ? row.own! : row.subtree)[path]!
  if (value < 5) expect(cell, `${row.organizationId} ${side} ${path}`).toEqual({ kind: "small", text: "<5" })
  else if (cell.kind === "exact") expect(cell.value).toBe(value)
  else expect(cell.kind).toBe("withheld")
}
