import { reportService } from "@zhibu/core"
import * as Effect from "effect/Effect"
import { expect, it } from "vitest"
import { annualSummaryHtml, annualSummaryMarkdown } from "../src/index.js"
import { ctx, run, seedMeetings, seedMembers, seedOrganizations, stores } from "./fixture.js"

const summary = () =>
  run(
    stores[0]![1],
    Effect.gen(function* () {
      yield* seedOrganizations
      yield* seedMembers
      yield* seedMeetings
      return yield* reportService.annualSummary(ctx, { organizationId: "c1", year: 2026 })
    })
  )

it("writes reportService.annualSummary as Markdown, in Chinese by default and in English", async () => {
  const s = await summary()
  const md = annualSummaryMarkdown(s)
  expect(md).toMatch(/^# 县委教育工委 2026 年度党建工作情况\n\n统计日期：2026-06-01/)
  expect(md).toContain("| 在册正式党员 | 5 |")
  expect(md).toContain("| 在册入党申请人 | 1 |")
  expect(md).toContain("## 组织生活落实情况")
  expect(md).toContain("| 　实验小学党支部 | 5 |")
  const en = annualSummaryMarkdown(s, { locale: "en" })
  expect(en).toContain("## Organizational life")
  expect(en).toContain("| active full member | 5 |")
})

it("writes it as one printable HTML page with every text escaped and no script", async () => {
  const s = await summary()
  const html = annualSummaryHtml({ ...s, organizations: s.organizations.map((o) => (o.depth === 1 ? { ...o, name: "<script>alert(1)</script>支部" } : o)) })
  expect(html.startsWith("<!DOCTYPE html>")).toBe(true)
  expect(html).toContain("@page{size:A4")
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;支部")
  expect(html).not.toContain("<script>")
  expect(html).toContain('<th scope="row">在册正式党员</th><td class="n">5</td>')
})
