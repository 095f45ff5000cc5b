import type { Organization } from "../org/organization.js"
import { subtreeIds } from "../org/tree.js"

/** Totals in fen of one quarter: month records (due, paid, arrears) and payments (collected, voluntary, to the Centre). */
export interface QuarterFigures {
  readonly due: number
  readonly paid: number
  readonly arrears: number
  readonly collected: number
  readonly voluntary: number
  readonly toCentre: number
}

/** The dues figures of a quarter with nothing due, paid or collected. */
export const zeroFigures: QuarterFigures = { due: 0, paid: 0, arrears: 0, collected: 0, voluntary: 0, toCentre: 0 }

/** The sum of two quarters' dues figures, field by field (for rolling figures up the tree). */
export const addFigures = (a: QuarterFigures, b: QuarterFigures): QuarterFigures => ({
  due: a.due + b.due,
  paid: a.paid + b.paid,
  arrears: a.arrears + b.arrears,
  collected: a.collected + b.collected,
  voluntary: a.voluntary + b.voluntary,
  toCentre: a.toCentre + b.toCentre
})

/** One organization's figures, its own records and those of everything below it, by quarter label. */
export interface OrganizationQuarters {
  readonly organizationId: string
  readonly name: string
  readonly quarters: Readonly<Record<string, QuarterFigures>>
  readonly year: QuarterFigures
}

/**
 * 逐级汇总 — rolls figures recorded per organization up the tree below `rootId`: each organization's
 * quarter is its own figures plus its children's, so every total is the sum of its parts.
 */
export const rollUp = (
  rootId: string,
  organizations: ReadonlyArray<Organization>,
  own: ReadonlyMap<string, ReadonlyMap<string, QuarterFigures>>,
  quarterLabels: ReadonlyArray<string>
): ReadonlyArray<OrganizationQuarters> => {
  const ids = subtreeIds(rootId, organizations)
  const byId = new Map<string, Organization>(organizations.map((o) => [o.id, o]))
  const memo = new Map<string, Map<string, QuarterFigures>>()
  const children = new Map<string, Array<string>>()
  for (const id of ids) {
    const parent = byId.get(id)?.parentId
    if (id === rootId || parent == null) continue
    const siblings = children.get(parent)
    if (siblings === undefined) children.set(parent, [id])
    else siblings.push(id)
  }
  const total = (id: string): Map<string, QuarterFigures> => {
    const cached = memo.get(id)
    if (cached !== undefined) return cached
    const out = new Map<string, QuarterFigures>(quarterLabels.map((q) => [q, own.get(id)?.get(q) ?? zeroFigures]))
    for (const child of children.get(id) ?? []) for (const [q, f] of total(child)) out.set(q, addFigures(out.get(q) ?? zeroFigures, f))
    memo.set(id, out)
    return out
  }
  return ids.map((id) => {
    const quarters = total(id)
    return {
      organizationId: id,
      name: byId.get(id)?.name ?? id,
      quarters: Object.fromEntries(quarters),
      year: [...quarters.values()].reduce(addFigures, zeroFigures)
    }
  })
}
