import { writeFileSync } from "node:fs"
import { importTemplateCsv, importTemplateXlsx } from "@zhibu/io"
import { ExitCode, type Lang, t } from "../options.js"

/**
 * `zhibu template roster|meetings` — an empty import template from @zhibu/io: a workbook with the
 * Chinese headers and a 填写说明 sheet (`.xlsx`), or the CSV of one table (`.csv`; for meetings also
 * write `attendance` and `resolutions` with `--table`). Needs no database.
 */
export const templateCommand = async (what: "roster" | "meetings", out: string, table: "meetings" | "attendance" | "resolutions" | undefined, lang: Lang): Promise<ExitCode> => {
  const bytes = out.toLowerCase().endsWith(".csv") ? importTemplateCsv(what === "roster" ? "roster" : (table ?? "meetings")) : await importTemplateXlsx(what)
  writeFileSync(out, bytes)
  process.stderr.write(t(lang, `空白模板已写入 ${out}\n`, `empty template written to ${out}\n`))
  return ExitCode.ok
}
