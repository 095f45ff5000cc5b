import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { aBranch, aCountyCommittee, anOrganization, aPartyGroup, countyTree } from "../src/index.js"
import { Organization } from "./support/core.js"

const valid = (o: Organization) => Schema.decodeUnknownEither(Organization)(Schema.encodeSync(Organization)(o))._tag

describe("organization builders", () => {
  it("a county 教育工委 is appointed: no term, approves admissions", () => {
    const county = aCountyCommittee().build()
    expect([county.kind, county.formation, county.term, county.canApproveAdmissions, county.parentId]).toEqual(["committee", "appointed", null, true, null])
    expect(valid(county)).toBe("Right")
  })

  it("a branch is elected for the profile's three years", () => {
    const branch = aBranch("b1").named("城关第一小学党支部").electedOn("2025-06-28").build()
    expect(branch.term).toEqual({ electedOn: "2025-06-28", years: 3 })
    expect(valid(branch)).toBe("Right")
    expect(anOrganization("generalBranch").build().term?.years).toBe(3)
    expect(aPartyGroup().build().term).toBeNull()
  })

  it("a county tree: the committee, its school branches, their party groups, parents first, one tenant", () => {
    const tree = countyTree({
      tenantId: "t1",
      schools: [
        { id: "b1", school: "城关中学", groups: [{ id: "b1-g7", name: "七年级组党小组" }, { id: "b1-yw", name: "语文教研组党小组", basis: "subject" }] },
        { id: "b2", school: "城关第一小学" }
      ]
    })
    expect(tree.map((o) => [o.id, o.kind, o.parentId])).toEqual([
      ["county", "committee", null],
      ["b1", "branch", "county"],
      ["b1-g7", "partyGroup", "b1"],
      ["b1-yw", "partyGroup", "b1"],
      ["b2", "branch", "county"]
    ])
    expect(tree.every((o) => o.tenantId === "t1" && valid(o) === "Right")).toBe(true)
  })
})
