import fc from "fast-check"
import iconv from "iconv-lite"
import { describe, expect, it } from "vitest"
import { decodeText, importTemplateCsv, importTemplateXlsx, readCsv, readXlsx, rosterTemplate, templateTable } from "../src/index.js"

describe("decodeText", () => {
  it("reads the known GBK bytes of 中文 (D6 D0 CE C4) with Node's full ICU", () => {
    expect(decodeText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]))).toEqual({ text: "中文", encoding: "gb18030", bom: false })
  })

  it("reads UTF-8 with and without a BOM, and UTF-16LE with its BOM", () => {
    const utf8 = new TextEncoder().encode("人员编号,姓名")
    expect(decodeText(utf8)).toEqual({ text: "人员编号,姓名", encoding: "utf-8", bom: false })
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: "人员编号,姓名", encoding: "utf-8", bom: true })
    expect(decodeText(new Uint8Array(iconv.encode("\ufeff姓名\t性别", "utf16le")))).toEqual({ text: "姓名\t性别", encoding: "utf-16le", bom: true })
  })

  it("GBK bytes that form valid UTF-8 with a rare character are read as GB18030 (鋩 is E4 80; E4 80 94 is U+4014 in UTF-8)", () => {
    const bytes = new Uint8Array(iconv.encode("鋩擛1", "gb18030"))
    expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toBe("\u4014@1")
    expect(decodeText(bytes)).toEqual({ text: "鋩擛1", encoding: "gb18030", bom: false })
  })

  it("law: Chinese text encoded as GB18030, or as UTF-8, decodes back to itself", () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c))
    const text = fc.array(fc.oneof(han, fc.constantFrom("，", "、", "·", "a", "1", ",", " ", "\n")), { minLength: 1, maxLength: 40 }).map((a) => a.join(""))
    // GBK bytes that also read as UTF-8 with a three-byte character and no rare one are the one
    // ambiguity the decoder settles for UTF-8 (see its doc): the law is about every other text.
    const readsAsCommonUtf8 = (bytes: Uint8Array): boolean => {
      try {
        const t = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
        return /[\u0800-\uffff]/.test(t) && !/[\u0080-\u009f\u3400-\u4dbf]/.test(t)
      } catch {
        return false
      }
    }
    fc.assert(
      fc.property(text, (s) => {
        const gb = new Uint8Array(iconv.encode(s, "gb18030"))
        if (!readsAsCommonUtf8(gb)) expect(decodeText(gb).text).toBe(s)
        // A file in UTF-8 with a Chinese character (every template header is one) is never taken for GBK.
        expect(decodeText(new TextEncoder().encode(`党${s}`)).text).toBe(`党${s}`)
      }),
      { numRuns: 200 }
    )
  })
})

describe("readCsv", () => {
  it("keeps quoted commas and line breaks in one cell, numbers rows as a spreadsheet does, skips blank rows", () => {
    const table = readCsv(new TextEncoder().encode('会议编号,议程\r\nm1,"学习党章\n讨论, 表决"\r\n\r\n m2 ,x\r\n'))
    expect(table.headers).toEqual(["会议编号", "议程"])
    expect(table.rows).toEqual([
      { row: 2, cells: ["m1", "学习党章\n讨论, 表决"] },
      { row: 4, cells: ["m2", "x"] }
    ])
  })

  it("reads a tab-separated Unicode text file", () => {
    expect(readCsv(new Uint8Array(iconv.encode("\ufeff姓名\t性别\r\n王\t女", "utf16le"))).rows).toEqual([{ row: 2, cells: ["王", "女"] }])
  })
})

describe("import templates", () => {
  it("the CSV template is the BOM and the Chinese header row", () => {
    const bytes = importTemplateCsv("roster")
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(readCsv(bytes).headers).toEqual(rosterTemplate.columns.filter((c) => c.exportOnly !== true).map((c) => c.zh))
  })

  it("docs/import-templates.md lists every column of every table", async () => {
    const { readFileSync } = await import("node:fs")
    const doc = readFileSync(new URL("../../../docs/import-templates.md", import.meta.url), "utf8")
    for (const table of ["roster", "meetings", "attendance", "resolutions"] as const) {
      for (const c of templateTable(table).columns) expect(doc).toContain(`| ${c.zh} (${c.en}) |`)
    }
  })

  it("the XLSX meetings template has the three sheets and the instructions", async () => {
    const sheets = await readXlsx(await importTemplateXlsx("meetings"))
    expect(sheets.map((s) => s.name)).toEqual(["会议", "出勤", "决议", "填写说明"])
    expect(sheets[1]!.headers).toEqual(["会议编号", "人员编号", "出勤情况", "请假原因"])
    expect(sheets[0]!.rows).toEqual([])
    expect(sheets[3]!.rows.length).toBeGreaterThan(20)
  })
})

describe("decodeText, the ambiguous case", () => {
  it("GBK bytes that happen to be valid UTF-8 (一 is D2 BB, Cyrillic һ in UTF-8) are read as GB18030", () => {
    expect(decodeText(new Uint8Array([0xd2, 0xbb, 0x61]))).toMatchObject({ text: "一a", encoding: "gb18030" })
  })

  it("UTF-8 with a middle dot in a name and Chinese characters stays UTF-8", () => {
    expect(decodeText(new TextEncoder().encode("阿不都·热合曼"))).toMatchObject({ text: "阿不都·热合曼", encoding: "utf-8" })
  })

  it("bytes valid in both with no Chinese character in UTF-8 are read as GBK (ë is C3 AB, which GBK reads as 毛): files here are Chinese", () => {
    expect(decodeText(new TextEncoder().encode("Zoë"))).toMatchObject({ text: "Zo毛", encoding: "gb18030" })
  })
})
