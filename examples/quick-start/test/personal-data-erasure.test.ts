import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chinaWorkdays } from "@zhibu/calendar-cn"
import { createZhibu } from "@zhibu/core"
import { SqlStore } from "@zhibu/store-sql"
import Database from "better-sqlite3"
import { afterAll, describe, expect, it } from "vitest"

const NOW = new Date("2026-11-21T02:00:00Z")
const dir = mkdtempSync(join(tmpdir(), "zhibu-erasure-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The SQLite statement of docs/personal-data.md (the first sql block), so the document is what runs. */
const documentedStatement = (): string => {
  const doc = readFileSync(new URL("../../../docs/personal-data.md", import.meta.url), "utf8")
  const block = /```sql\n([\s\S]*?)```/.exec(doc)
  if (block === null) throw new Error("docs/personal-data.md has no sql block")
  return block[1]!.split("\n").map((l) => l.trim()).join(" ").trim()
}

/** A fictitious number: 17 digits and their GB 11643 (ISO 7064 MOD 11-2) check character. */
const withCheck = (first17: string): string => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((total, w, i) => total + w * Number(first17[i]), 0)
  return `${first17}${"10X98765432"[sum % 11]}`
}
const ID = withCheck("11010519960302123")
const PHONE = "13812345678"

const open = (url: string) => {
  const zhibu = createZhibu({ store: SqlStore.layerFromUrl(url, { migrate: "onStart" }), context: { tenantId: "county-1", workdays: chinaWorkdays } })
  const ctx = zhibu.context({ actor: { personId: "organizer-1", roles: [{ role: "higherOrganizer", organizationId: "committee-1" }] }, now: NOW })
  return { zhibu, ctx }
}

describe("erasing a person's personal data (docs/personal-data.md §5) on SQLite", () => {
  it("erasePersonalData blanks the file; the documented statement then removes the old values from the audit log, keeping every entry", async () => {
    const file = join(dir, "party.sqlite")
    const url = `sqlite:${file}`
    const first = open(url)
    await first.zhibu.organization.create(first.ctx, {
      id: "committee-1", kind: "committee", name: "县委教育工委", parentId: null, units: ["县教育局"], basis: "other", canApproveAdmissions: true, foundedOn: "2019-06-01"
    })
    await first.zhibu.organization.create(first.ctx, {
      id: "branch-1", kind: "branch", name: "实验小学党支部", parentId: "committee-1", units: ["实验小学"], basis: "school", foundedOn: "2020-09-01"
    })
    const registered = await first.zhibu.member.registerApplicant(first.ctx, {
      id: "p-001", organizationId: "branch-1", name: "王老师", gender: "female", birthDate: "1996-03-02", category: "teacher",
      applicationDate: "2026-11-20", idNumber: ID, phone: PHONE
    })
    expect(registered.phone).toBe("138****5678")
    await first.zhibu.member.erasePersonalData(first.ctx, { memberId: "p-001", expectedVersion: 1 })
    const before = await first.zhibu.member.history(first.ctx, { memberId: "p-001", personalData: "full" })
    expect(JSON.stringify(before)).toContain(ID) // the caveat: the log keeps the old values
    await first.zhibu.dispose()

    const db = new Database(file)
    const changed = db.prepare(documentedStatement()).run("county-1", "p-001").changes
    db.close()
    expect(changed).toBe(3) // register, erase, and the full read's disclosure

    const again = open(url)
    const after = await again.zhibu.member.history(again.ctx, { memberId: "p-001", personalData: "full" })
    expect(after.map((e) => e.seq)).toEqual([...before.map((e) => e.seq), before.at(-1)!.seq + 1])
    expect(JSON.stringify(after)).not.toContain(ID)
    expect(JSON.stringify(after)).not.toContain(PHONE)
    expect((await again.zhibu.member.get(again.ctx, { memberId: "p-001", personalData: "full" })).idNumber).toBeUndefined()
    await again.zhibu.dispose()
  })
})
