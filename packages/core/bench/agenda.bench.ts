import { bench, describe } from "vitest"
import { civilDate } from "../src/calendar/civil-date.js"
import type { Organization } from "../src/org/organization.js"
import { subtreeIds } from "../src/org/tree.js"
import { nationalBaseline } from "../src/national-profile.js"
import { branchAgenda } from "../src/report/branch-agenda.js"
import { org } from "../test/support/records.js"
import { county } from "./county.js"

const { organizations, members } = county()
const today = civilDate("2026-06-30")
const root = organizations.find((o) => o.id === "county")!
const branch = organizations.find((o) => o.id === "b01")!

/**
 * 10,000 organizations, each under one of the four placed just before it (a four-way tree about
 * seven levels deep), listed in reverse so that no child follows its parent in the list.
 */
const SIZE = 10_000
const wide: ReadonlyArray<Organization> = Array.from({ length: SIZE }, (_, i) =>
  org(`o${i}`, i === 0 ? "committee" : "branch", i === 0 ? null : `o${Math.floor((i - 1) / 4)}`)
).reverse()

describe(`the agenda of the generated county (${organizations.length} organizations, ${members.length} member files), 6 months ahead`, () => {
  bench("branchAgenda of the county root", () => {
    branchAgenda(root, organizations, members, nationalBaseline, today, { horizonMonths: 6 })
  })

  bench("branchAgenda of one branch", () => {
    branchAgenda(branch, organizations, members, nationalBaseline, today, { horizonMonths: 6 })
  })
})

describe("a tree of 10,000 organizations", () => {
  bench("subtreeIds of the root (all 10,000)", () => {
    subtreeIds("o0", wide)
  })
})
