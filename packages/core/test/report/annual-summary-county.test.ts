import * as Effect from "effect/Effect"
import { beforeAll, describe, expect, it } from "vitest"
import { addNestedFigures, flattenFigures } from "../../src/report/figures.js"
import type { AnnualFigures } from "../../src/report/annual-figures.js"
import { reportService } from "../../src/report/report-service.js"
import { REPORT_PAGE_SIZE } from "../../src/report/year-records.js"
import { Store } from "../../src/store/port.js"
import { buildCounty, type County, countyCtx, organizerOf, watching } from "./county-fixture.js"

/** The annual summary of the research county (seed 003) for 2025, against the generator's facts. */
describe("report.annualSummary on the generated county (seed 3, 2025)", () => {
  let county: County
  beforeAll(async () => {
    county = await buildCounty()
  }, 120_000)

  const summarize = (organizationId: string, store = county.store) =>
    Effect.runPromise(Effect.provideService(reportService.annualSummary(countyCtx(county, organizerOf(county)), { organizationId, year: 2025 }), Store, store))

  it("matches the seed figures: 66 branches, 1,510 members, 22 newly developed, 12 elections, 8 secretaries changed", async () => {
    const { totals, asOf } = await summarize(county.countyId)
    const { facts } = county.world
    expect(asOf).toBe("2025-12-31")
    expect(totals.organizations.branch).toBe(66)
    expect(totals.organizations.committee).toBe(1)
    expect(totals.organizations.partyGroup).toBe(facts.counts.partyGroups)
    expect(totals.members.active.probationary + totals.members.active.full).toBe(1_510)
    expect(totals.members.active.applicant).toBe(facts.counts.applicants)
    expect(totals.members.active.activist).toBe(facts.counts.activists)
    expect(totals.members.active.candidate).toBe(facts.counts.candidates)
    expect(totals.members.status.active).toBe(facts.counts.memberRecords)
    expect(totals.newlyDeveloped).toBe(22)
    expect(totals.converted).toBe(facts.conversions.length)
    expect(totals.elections.held).toBe(12)
    expect(totals.elections.due).toBe(12)
    expect(totals.secretariesChanged).toBe(8)
  })

  it("rolls up from the schools: the county's figures are its own plus the sum of its schools', each school as the facts place it", async () => {
    const summary = await summarize(county.countyId)
    const [root, ...rest] = summary.organizations
    const schools = rest.filter((r) => r.parentId === county.countyId)
    expect(schools).toHaveLength(66)
    const sum = schools.reduce<AnnualFigures>((acc, s) => addNestedFigures(acc, s.subtree), root!.own)
    expect(flattenFigures(root!.subtree)).toEqual(flattenFigures(sum))
    const developed = new Map<string, number>()
    for (const n of county.world.facts.newlyDeveloped) developed.set(n.organizationId, (developed.get(n.organizationId) ?? 0) + 1)
    for (const s of schools) expect(s.subtree.newlyDeveloped, s.organizationId).toBe(developed.get(s.organizationId) ?? 0)
    const changed = new Set(county.world.facts.secretaryChanges.map((c) => c.organizationId))
    for (const s of schools) expect(s.subtree.secretariesChanged, s.organizationId).toBe(changed.has(s.organizationId) ? 1 : 0)
  })

  it("one school's summary is that school's row of the county's", async () => {
    const county2025 = await summarize(county.countyId)
    const school = county2025.organizations.find((r) => r.depth === 1)!
    const alone = await summarize(school.organizationId)
    expect(flattenFigures(alone.totals)).toEqual(flattenFigures(school.subtree))
  })

  it("dues by quarter, study hours and the evaluation grades equal the sums of the records written", async () => {
    const { totals } = await summarize(county.countyId)
    const sum = (kind: string, field: string, where: (r: Record<string, unknown>) => boolean = () => true) =>
      (county.written.get(kind) ?? []).filter(where).reduce((t, r) => t + (r[field] as number), 0)
    const quarterOf = (date: string) => `Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`
    for (const q of ["Q1", "Q2", "Q3", "Q4"] as const) {
      expect(totals.dues[q].collected).toBe(sum("duesPayment", "amount", (r) => quarterOf(r.paidOn as string) === q))
      expect(totals.dues[q].due).toBe(sum("duesMonth", "due", (r) => quarterOf(`${r.month as string}-01`) === q))
    }
    expect(totals.study.creditedTenths).toBe(sum("studyCredit", "tenths"))
    expect(totals.study.onRoll).toBe(1_510)
    expect(totals.study.met + totals.study.behind + totals.study.excused).toBe(1_510)
    const grades = county.written.get("democraticEvaluation") ?? []
    const graded = grades.flatMap((e) => e.grades as ReadonlyArray<{ readonly grade: string }>)
    expect(totals.evaluation.evaluated).toBe(graded.length)
    expect(totals.evaluation.excellent).toBe(graded.filter((g) => g.grade === "excellent").length)
  })

  it("reads the organizations, the tree's changes, the member files in pages and one aggregate per kind, whatever the number of branches", async () => {
    const whole = watching(county.store)
    const { store, reads } = whole
    await summarize(county.countyId, store)
    const members = reads.filter((r) => r === "list member").length
    expect(members).toBe(Math.ceil((county.world.members.length + 1) / REPORT_PAGE_SIZE))
    expect(reads.filter((r) => r !== "list member")).toEqual([
      "list organization",
      "list organizationChange",
      "aggregate leadershipRecord",
      "aggregate duesMonth",
      "aggregate duesPayment",
      "aggregate studyCredit",
      "list studyExcusal",
      // The committee on each date, for the 支委会 obligation: one read for all the branches.
      "list leadershipRecord",
      "aggregate meeting",
      "aggregate democraticEvaluation",
      "aggregate rectificationItem"
    ])
    // One school of the 66: the same statements, one page of files.
    const school = watching(county.store)
    await summarize(county.world.organizations.find((o) => o.kind === "branch")!.id, school.store)
    expect(school.reads.filter((r) => r !== "list member")).toEqual(reads.filter((r) => r !== "list member"))
    expect(school.reads.filter((r) => r === "list member")).toHaveLength(1)
    // The county is the whole tenant: its files are read without naming its organizations; a school's are not.
    const memberFilters = (w: typeof whole) => new Set(w.listFilters.filter((f) => f.kind === "member").map((f) => f.fields.join(",")))
    expect(memberFilters(whole)).toEqual(new Set([""]))
    expect(memberFilters(school)).toEqual(new Set(["organizationId"]))
  })

  it("holds no person's id or name", async () => {
    const json = JSON.stringify(await summarize(county.countyId))
    const leaked = county.world.members.slice(0, 200).flatMap((m) => [m.id, m.name]).filter((t) => json.includes(`"${t}"`))
    expect(leaked).toEqual([])
  })
})
