import { bench, describe } from "vitest"
import { civilDate } from "../src/calendar/civil-date.js"
import { timeline } from "../src/member/timeline.js"
import { checkOrganization } from "../src/org/setup-check.js"
import { termFindings } from "../src/org/term.js"
import { nationalBaseline } from "../src/national-profile.js"
import { aMember } from "@zhibu/testing"
import { county } from "./county.js"

const { organizations, members } = county()
const today = civilDate("2026-06-30")
const byBranch = new Map<string, Array<(typeof members)[number]>>()
for (const m of members) byBranch.set(m.organizationId, [...(byBranch.get(m.organizationId) ?? []), m])

describe(`the generated county (${organizations.length} organizations, ${members.length} member files)`, () => {
  bench("setup and term checks of every branch", () => {
    for (const o of organizations) {
      checkOrganization(o, byBranch.get(o.id) ?? [], nationalBaseline, today)
      termFindings(o, nationalBaseline, today)
    }
  })

  bench("the timeline of every member", () => {
    for (const m of members) timeline(m, nationalBaseline, today)
  })
})

describe("one recruitment file", () => {
  bench("build a whole file under the 2026 rules (application to conversion), each step recorded with recordStep and checked", () => {
    aMember({ id: "p-bench", organizationId: "b01" }).fullMember({ convertedOn: "2028-09-30" }).build()
  })
})
