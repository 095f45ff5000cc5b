import type { CivilDate } from "../calendar/civil-date.js"
import type { OrganizationKind } from "../org/organization.js"
import type { ResolvedRule } from "../profile/rule.js"
import type { AnnualSummary } from "./annual-summary.js"
import { type Figures, flattenFigures, type RolledUpRow } from "./figures.js"
import { meanDays, type RecruitmentFunnel, spellStages } from "./funnel.js"
import { type PublishedCell, type SumEquation, suppressTable } from "./suppression.js"

/** One organization of a county view: its subtree's cells, and (for one with organizations below it) its own. */
export interface CountyViewRow {
  readonly organizationId: string
  readonly name: string
  readonly kind: OrganizationKind
  readonly parentId: string | null
  readonly depth: number
  /** By figure path (`members.active.full`): the subtree's figure as published. */
  readonly subtree: Readonly<Record<string, PublishedCell>>
  /** The organization's own figures as published; absent for an organization with none below it (its subtree is its own). */
  readonly own?: Readonly<Record<string, PublishedCell>>
}

/** Which figures a county view publishes and which of them count people (and are suppressed when small). */
export interface ViewSpec {
  readonly publish: (path: string) => boolean
  readonly countsPeople: (path: string) => boolean
}

/**
 * 县级视图 — publishes rolled-up rows for a reader who may see aggregates only: every figure that
 * counts people goes through small-cell suppression, one table per figure (the figure rolled up the
 * tree, which is a hierarchy: see `suppressTable`); figures about organizations, meetings and money are
 * exact. Figures that are sums of others in the same row are not published (`spec.publish`), so no
 * two tables can be combined; a reader adds them up where the parts are exact.
 */
export const suppressRows = <F extends Figures>(rows: ReadonlyArray<RolledUpRow<F>>, spec: ViewSpec, threshold: number): ReadonlyArray<CountyViewRow> => {
  const ids = new Set(rows.map((r) => r.organizationId))
  const childrenOf = new Map<string, Array<string>>()
  for (const r of rows) {
    if (r.parentId === null || r.depth === 0 || !ids.has(r.parentId)) continue
    childrenOf.set(r.parentId, [...(childrenOf.get(r.parentId) ?? []), r.organizationId])
  }
  const subtreeFlat = new Map(rows.map((r) => [r.organizationId, flattenFigures(r.subtree)]))
  const ownFlat = new Map(rows.map((r) => [r.organizationId, flattenFigures(r.own)]))
  const paths = [...new Set(rows.flatMap((r) => [...subtreeFlat.get(r.organizationId)!.keys()]))].filter(spec.publish).sort()
  const subtreeCells = new Map<string, Record<string, PublishedCell>>(rows.map((r) => [r.organizationId, {}]))
  const ownCells = new Map<string, Record<string, PublishedCell>>(rows.filter((r) => childrenOf.has(r.organizationId)).map((r) => [r.organizationId, {}]))
  for (const path of paths) {
    const values = new Map<string, number>()
    const equations: Array<SumEquation> = []
    for (const r of rows) {
      const id = r.organizationId
      values.set(`s:${id}`, subtreeFlat.get(id)!.get(path) ?? 0)
      if (!ownCells.has(id)) continue
      values.set(`o:${id}`, ownFlat.get(id)!.get(path) ?? 0)
      equations.push({ total: `s:${id}`, parts: [`o:${id}`, ...childrenOf.get(id)!.map((c) => `s:${c}`)] })
    }
    const published: ReadonlyMap<string, PublishedCell> = spec.countsPeople(path)
      ? suppressTable(values, equations, threshold)
      : new Map([...values].map(([k, v]) => [k, { kind: "exact", value: v } as const]))
    for (const r of rows) {
      subtreeCells.get(r.organizationId)![path] = published.get(`s:${r.organizationId}`)!
      const own = ownCells.get(r.organizationId)
      if (own !== undefined) own[path] = published.get(`o:${r.organizationId}`)!
    }
  }
  return rows.map((r) => {
    const own = ownCells.get(r.organizationId)
    const base = { organizationId: r.organizationId, name: r.name, kind: r.kind, parentId: r.parentId, depth: r.depth, subtree: subtreeCells.get(r.organizationId)! }
    return own === undefined ? base : { ...base, own }
  })
}

/** The annual summary's figures in a county view: people counted, sums within a row left out. */
export const annualViewSpec: ViewSpec = {
  publish: (path) =>
    path !== "members.status.active" && path !== "study.onRoll" && path !== "study.targetTenths" && path !== "evaluation.evaluated" && !/^compliance\.[^.]+\.required$/.test(path),
  countsPeople: (path) => /^(members\.|newlyDeveloped$|converted$|study\.(met|behind|excused)$|evaluation\.)/.test(path)
}

/** The funnel's figures in a county view: counts of files suppressed; days in stage left out (only the root's means are published). */
export const funnelViewSpec: ViewSpec = {
  publish: (path) => !/\.days\./.test(path) && path !== "plan.actual",
  countsPeople: (path) => path !== "plan.planned" && path !== "youngTeachers.headcount"
}

/**
 * 县级汇总 — the annual summary and the recruitment funnel as a reader of aggregates may see them:
 * small counts suppressed (each cell a {@link PublishedCell}) under `report.smallCell.threshold`, the mean days
 * per stage only for the whole subtree (and only from stays at least the threshold in number).
 */
export interface CountyView {
  readonly organizationId: string
  readonly year: number
  readonly asOf: CivilDate
  readonly threshold: number
  readonly rule: ResolvedRule<{ readonly minimum: number }>
  readonly annual: ReadonlyArray<CountyViewRow>
  readonly funnel: ReadonlyArray<CountyViewRow>
  /** Mean days in each stage for the subtree, per year; null where fewer stays than the threshold ended. */
  readonly meanDays: Readonly<Record<string, Readonly<Record<string, number | null>>>>
  /** The rule behind each compliance figure. */
  readonly obligations: AnnualSummary["obligations"]
}

/** Builds the {@link CountyView} of an annual summary and a funnel of the same subtree. Pure. */
export const publishCountyView = (summary: AnnualSummary, funnel: RecruitmentFunnel, rule: ResolvedRule<{ readonly minimum: number }>): CountyView => {
  const threshold = rule.parameters.minimum
  const meanDaysByYear: Record<string, Record<string, number | null>> = {}
  for (const [year, figures] of Object.entries(funnel.totals.years)) {
    meanDaysByYear[year] = Object.fromEntries(spellStages.map((s) => [s, figures.spells[s] < threshold ? null : meanDays(figures, s)]))
  }
  return {
    organizationId: summary.organizationId,
    year: summary.year,
    asOf: summary.asOf,
    threshold,
    rule,
    annual: suppressRows(summary.organizations, annualViewSpec, threshold),
    funnel: suppressRows(funnel.organizations, funnelViewSpec, threshold),
    meanDays: meanDaysByYear,
    obligations: summary.obligations
  }
}
