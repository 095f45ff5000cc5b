import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { ancestry } from "../../src/auth/authorize.js"
import { type Organization, OrganizationKind } from "../../src/org/organization.js"
import { ancestryIn, depthFirstIn, indexTree, subtreeIdsIn } from "../../src/org/tree-index.js"
import { checkPlacement, checkTree, subtreeIds } from "../../src/org/tree.js"
import { aCountyCommittee, anOrganization } from "@zhibu/testing"
import { naiveAncestry, naiveDepthFirstOffPath, naiveDepthFirstOnce, naivePlacementProblem, naiveSubtreeIds, verdict } from "./tree-model.js"

/** Ids come from a pool of 12: a parent id may name no organization, and a parent may sit below its child. */
const POOL = 12
const ids = Array.from({ length: POOL }, (_, i) => `o${i}`)
const idArb = fc.nat({ max: POOL - 1 }).map((i) => `o${i}`)

const entryArb = fc.record({
  id: idArb,
  parentId: fc.option(idArb, { nil: null, freq: 4 }),
  kind: fc.constantFrom(...OrganizationKind.literals),
  tenantId: fc.constantFrom("t1", "t1", "t1", "t2"),
  dissolved: fc.boolean()
})

const build = (entries: ReadonlyArray<typeof entryArb extends fc.Arbitrary<infer E> ? E : never>): ReadonlyArray<Organization> =>
  entries.map((e) =>
    anOrganization(e.kind, e.id)
      .inTenant(e.tenantId)
      .under(e.parentId)
      .dissolvedOn(e.dissolved ? "2024-01-01" : null)
      .build()
  )

/** Lists that need not be trees: missing parents, cycles and self-parents; each id at most once. */
const listArb = fc.uniqueArray(entryArb, { selector: (e) => e.id, maxLength: POOL }).map(build)

/** The same, with ids that may repeat (two listings of one organization). */
const repeatingArb = fc.array(entryArb, { maxLength: POOL + 4 }).map(build)

/** Proper trees up to 40 deep: each organization under one listed anywhere before it, or at the root; listed in a shuffled order. */
const treeArb = fc
  .array(fc.option(fc.nat(), { nil: null, freq: 6 }), { minLength: 1, maxLength: 40 })
  .chain((parents) => {
    const orgs = parents.map((p, i) =>
      anOrganization(i === 0 ? "committee" : "branch", `n${i}`)
        .inTenant("t1")
        .under(i === 0 || p === null ? null : `n${p % i}`)
        .build()
    )
    return fc.shuffledSubarray(orgs, { minLength: orgs.length, maxLength: orgs.length })
  })

const RUNS = { numRuns: 200 }
const TIMEOUT = 60_000

const shape = (walk: ReadonlyArray<{ readonly organization: Organization; readonly depth: number }>) =>
  walk.map(({ organization, depth }) => [organization, depth] as const)

describe("tree index: the same answers as the plain definitions", () => {
  for (const [name, arb] of [
    ["lists with missing parents and cycles", listArb],
    ["lists where an id repeats", repeatingArb],
    ["proper trees", treeArb]
  ] as const) {
    describe(name, () => {
      const everyId = (list: ReadonlyArray<Organization>) => [...new Set([...ids, ...list.map((o) => o.id), "absent"])]

      it(
        "ancestry (and ancestryIn) equals the walk through a Map of the whole list, for every id, listed or not",
        () => {
          fc.assert(
            fc.property(arb, (list) => {
              const tree = indexTree(list)
              for (const id of everyId(list)) {
                const expected = [...naiveAncestry(id, list)]
                expect([...ancestryIn(tree, id)]).toEqual(expected)
                expect([...ancestry(id, list)]).toEqual(expected)
              }
            }),
            RUNS
          )
        },
        TIMEOUT
      )

      it(
        "law: subtreeIds(root) is root, then the listed organizations whose ancestry holds root, in list order",
        () => {
          fc.assert(
            fc.property(arb, (list) => {
              const tree = indexTree(list)
              for (const root of everyId(list)) {
                const expected = naiveSubtreeIds(root, list)
                expect(subtreeIds(root, list)).toEqual(expected)
                expect(subtreeIdsIn(tree, root)).toEqual(expected)
              }
            }),
            RUNS
          )
        },
        TIMEOUT
      )

      it(
        "depthFirstIn visits what the recursive walks visit, in the same order and at the same depths",
        () => {
          fc.assert(
            fc.property(arb, (list) => {
              const tree = indexTree(list)
              for (const root of list) {
                expect(shape(depthFirstIn(tree, root, "offPath"))).toEqual(shape(naiveDepthFirstOffPath(root, list)))
                expect(shape(depthFirstIn(tree, root, "never"))).toEqual(shape(naiveDepthFirstOnce(root, list)))
              }
            }),
            RUNS
          )
        },
        TIMEOUT
      )

      it(
        "checkTree and checkPlacement (of a listed or a new organization) give the plain definition's verdicts",
        () => {
          fc.assert(
            fc.property(arb, entryArb, (list, extra) => {
              expect(checkTree(list).map((e) => [e.organizationId, e.problem])).toEqual(
                list.flatMap((o) => {
                  const problem = naivePlacementProblem(o, list)
                  return problem === "ok" ? [] : [[o.id, problem]]
                })
              )
              const [placed] = build([extra])
              expect(verdict(checkPlacement(placed!, list))).toBe(naivePlacementProblem(placed!, list))
            }),
            RUNS
          )
        },
        TIMEOUT
      )
    })
  }
})

describe("tree index: laws on proper trees", () => {
  it(
    "every organization is in the subtree of each of its ancestors, and of no other organization",
    () => {
      fc.assert(
        fc.property(treeArb, (list) => {
          const tree = indexTree(list)
          for (const o of list) {
            const above = ancestryIn(tree, o.id)
            for (const other of list) expect(subtreeIdsIn(tree, other.id).includes(o.id)).toBe(above.has(other.id))
          }
        }),
        { numRuns: 50 }
      )
    },
    TIMEOUT
  )

  it(
    "depthFirstIn from a root reaches its whole subtree, each organization once, one level below its parent",
    () => {
      fc.assert(
        fc.property(treeArb, (list) => {
          const tree = indexTree(list)
          const root = list.find((o) => o.id === "n0")!
          const walk = depthFirstIn(tree, root, "offPath")
          expect(walk.map((p) => p.organization.id).sort()).toEqual([...subtreeIdsIn(tree, "n0")].sort())
          const depth = new Map(walk.map((p) => [p.organization.id, p.depth]))
          for (const { organization, depth: d } of walk.slice(1)) expect(depth.get(organization.parentId!)).toBe(d - 1)
        }),
        RUNS
      )
    },
    TIMEOUT
  )

  it(
    "a chain of 20,000 organizations is walked without exhausting the stack",
    () => {
      const chain = Array.from({ length: 20_000 }, (_, i) =>
        aCountyCommittee(`c${i}`)
          .inTenant("t1")
          .under(i === 0 ? null : `c${i - 1}`)
          .build()
      )
      const tree = indexTree(chain)
      expect(depthFirstIn(tree, chain[0]!, "offPath")).toHaveLength(20_000)
      expect(subtreeIdsIn(tree, "c0")).toHaveLength(20_000)
      expect(ancestryIn(tree, "c19999").size).toBe(20_000)
    },
    TIMEOUT
  )
})
