import { copyFileSync, mkdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Browser, launchBrowser, repoDir, type RunningApp, startApp } from "./support.js"

let app: RunningApp
let browser: Browser
let page: Page

/** Every screenshot goes to a temporary folder; `SCREENSHOTS=docs` also refreshes the README's few in docs/screenshots. */
const shotDir = join(tmpdir(), "zhibu-portal-screenshots")
const docsDir = process.env.SCREENSHOTS === "docs" ? join(repoDir, "docs", "screenshots") : undefined
const inReadme = new Set(["dashboard-desktop", "dashboard-phone", "meeting-form-phone", "members-desktop", "ledgers-desktop", "county-desktop"])

const go = async (path: string) => {
  const res = await page.goto(new URL(path.replace(/^\//, ""), app.url).toString())
  return res
}

const asRole = async (role: "secretary" | "organizer" | "member" | "county") => {
  await go("/")
  if ((await page.locator("#role-select").inputValue()) === role) return
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.locator("#role-select").selectOption(role)])
}

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
  page = await browser.context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe("the portal in Chromium", () => {
  it("starts like npm start: prints the URL after seeding the demo school", () => {
    expect(app.output()).toContain("已生成演示学校")
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it("records a meeting, with the quorum checked as the form is filled, and the dashboard changes", async () => {
    await asRole("secretary")
    const committee = page.locator('[data-testid="month-requirements"] li[data-kind="committee"]')
    await expect.poll(() => committee.getAttribute("data-state")).toBe("open")

    await go("/meetings/new")
    await page.locator("#pick-kind").selectOption("committee")
    await page.getByRole("button", { name: "填写出勤" }).click()
    const form = page.getByTestId("meeting-form")
    const quorum = page.getByTestId("quorum")
    await expect.poll(() => quorum.getAttribute("class")).toContain("ok")

    // Mark committee members absent one by one until the quorum is lost: the box says so at once.
    const selects = form.locator("select[data-counts]")
    const due = await selects.count()
    const min = Number(await form.getAttribute("data-quorum-min"))
    for (let i = 0; i <= due - min; i++) await selects.nth(i).selectOption("absent")
    await expect.poll(() => quorum.getAttribute("class")).toContain("short")
    expect(await quorum.textContent()).toContain("还差 1 人")
    for (let i = 0; i <= due - min; i++) await selects.nth(i).selectOption("present")
    await expect.poll(() => quorum.getAttribute("class")).toContain("ok")

    await page.locator("#topic").fill("研究十二月支部工作")
    await page.getByRole("button", { name: "保存会议记录" }).click()
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain("会议记录已保存")

    await go("/")
    await expect.poll(() => committee.getAttribute("data-state")).toBe("met")
  })

  it("refuses a resolution below its threshold with the rule's message, and warns while the form is filled", async () => {
    await go("/meetings/new?kind=generalAssembly")
    const form = page.getByTestId("meeting-form")
    await form.locator('input[name="resolutionTitle"]').fill("通过年度发展计划")
    await form.locator('input[name="resolutionYes"]').fill("3")
    await expect.poll(() => page.getByTestId("pass-hint").textContent()).toContain("不能记为通过")
    await page.getByRole("button", { name: "保存会议记录" }).click()
    const error = page.getByTestId("error")
    await expect.poll(() => error.textContent()).toContain("不能记为通过")
    expect(await error.textContent()).toContain("meeting.generalAssembly")
  })

  it("records a recruitment step and the card moves on; a step too early shows the rule and the date it allows", async () => {
    await go("/members")
    // An activist whose only next step is the half-yearly assessment (designated less than a year ago).
    const card = page
      .locator('[data-testid="column-activist"] .person')
      .filter({ has: page.locator('select[name="step"]:not(:has(option[value="candidateDesignation"]))') })
      .first()
    const id = (await card.getAttribute("data-testid"))!.replace("card-", "")
    const name = (await card.locator(".name").textContent())!.trim()
    await card.getByRole("button", { name: "记录" }).click()
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain(`已记录 ${name} 的“培养教育考察”`)

    const moved = page.getByTestId(`card-${id}`)
    await moved.locator('select[name="step"]').selectOption("candidateDesignation")
    await moved.getByRole("button", { name: "记录" }).click()
    const refused = page.getByTestId(`card-${id}`).getByTestId("error")
    await expect.poll(() => refused.textContent()).toContain("member.activist.minimumCultivation")
    expect(await page.getByTestId(`card-${id}`).getByTestId("allowed-from").textContent()).toMatch(/规则允许的最早日期：\d{4}-\d{2}-\d{2}/)
    mkdirSync(shotDir, { recursive: true })
    await page.getByTestId(`card-${id}`).screenshot({ path: join(shotDir, "step-refused.png") })
    if (docsDir !== undefined) {
      mkdirSync(docsDir, { recursive: true })
      copyFileSync(join(shotDir, "step-refused.png"), join(docsDir, "step-refused.png"))
    }
  })

  it("downloads the year plan as an iCalendar file and it holds the plan", async () => {
    await go("/plan")
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ics-link").click()])
    expect(download.suggestedFilename()).toMatch(/^plan-.*-2026\.ics$/)
    const file = await download.path()
    const ics = readFileSync(file, "utf8")
    expect(ics).toContain("BEGIN:VCALENDAR")
    expect(ics).toContain("SUMMARY:支部委员会会议")
    expect((ics.match(/BEGIN:VEVENT/g) ?? []).length).toBeGreaterThan(50)
  })

  it("downloads a ledger as CSV and all ledgers as XLSX from the reports page, and they hold the records", async () => {
    await go("/reports")
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-meetings").click()])
    expect(csv.suggestedFilename()).toMatch(/^meetings-.*\.csv$/)
    const text = readFileSync(await csv.path(), "utf8")
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain("研究十二月支部工作")
    expect(text.trim().split("\r\n").length).toBeGreaterThan(60)
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()])
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/)
    expect(readFileSync(await xlsx.path()).subarray(0, 2).toString("latin1")).toBe("PK")
  })

  it("as a member, the menu shrinks and recording a meeting is refused by the library's permission table", async () => {
    await asRole("member")
    expect(await page.locator("nav.main").textContent()).not.toContain("会议")
    expect(await page.locator("main h1").textContent()).toContain("正式党员")
    await go("/meetings/new")
    const error = page.getByTestId("error")
    await expect.poll(() => error.textContent()).toContain("无权")
    await asRole("secretary")
  })
})

describe("screenshots", () => {
  const shots: ReadonlyArray<{ readonly name: string; readonly path: string; readonly role?: "member" | "county" }> = [
    { name: "dashboard", path: "/" },
    { name: "meeting-form", path: "/meetings/new?kind=generalAssembly" },
    { name: "members", path: "/members" },
    { name: "ledgers", path: "/ledgers" },
    { name: "plan", path: "/plan" },
    { name: "reports", path: "/reports" },
    { name: "county", path: "/county", role: "county" },
    { name: "member", path: "/", role: "member" }
  ]
  const sizes = [
    { tag: "desktop", width: 1280, height: 900 },
    { tag: "phone", width: 390, height: 844 }
  ] as const

  it("takes the main pages at desktop and phone widths, and no page scrolls sideways on a phone", async () => {
    mkdirSync(shotDir, { recursive: true })
    if (docsDir !== undefined) mkdirSync(docsDir, { recursive: true })
    for (const shot of shots) {
      await asRole(shot.role ?? "secretary")
      for (const size of sizes) {
        await page.setViewportSize({ width: size.width, height: size.height })
        const res = await go(shot.path)
        expect(res?.status()).toBe(200)
        await page.evaluate(() => document.fonts.ready)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${shot.name} at ${size.tag} width scrolls sideways`).toBeLessThanOrEqual(1)
        const file = `${shot.name}-${size.tag}.png`
        await page.screenshot({ path: join(shotDir, file), fullPage: size.tag === "desktop" })
        if (docsDir !== undefined && inReadme.has(`${shot.name}-${size.tag}`)) copyFileSync(join(shotDir, file), join(docsDir, file))
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    await asRole("secretary")
  })
})
