import { bench, describe } from "vitest"
import { civilDate } from "../src/calendar/civil-date.js"
import { timeline } from "../src/member/timeline.js"
import { checkOrganization } from "../src/org/setup-check.js"
import { termFindings } from "../src/org/term.js"
import { nationalBaseline } from "../src/national-profile.js"
import { path2026, walk } from "../test/member/fixtures.js"
import { county } from "./county.js"

const { organizations, members } = county()
const today = civilDate("2028-06-30")
const byBranch = new Map<string, Array<(typeof members)[number]>>()
for (const m of members) byBranch.set(m.organizationId, [...(byBranch.get(m.organizationId) ?? []), m])

describe("a county of 66 branches and 1,518 members", () => {
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
  bench("record all 26 steps of a 2026 file, each checked against the rules", () => {
    walk(path2026)
  })
})
