import { parseArgs } from "node:util"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chinaDate, type CivilDate, type Locale, parseCivilDate } from "@zhibu/core"
import * as Either from "effect/Either"
import { runDemo } from "./demo.js"
import type { ProfileChoice } from "./profile.js"

const usage = `Usage: npm start -- [--locale zh|en] [--today YYYY-MM-DD] [--db FILE] [--profile national|strict]

  --locale   language of the report: zh (default) or en
  --today    the day to judge by (default: today in China); the demo data are dated back from it
  --db       the SQLite file (default: a new file in the system's temporary folder)
  --profile  national (default) or strict: the example school's local rules (docs/examples/strict-school-profile.json)`

const fail = (reason: string): never => {
  console.error(`${reason}\n\n${usage}`)
  process.exit(2)
}

const oneOf = <A extends string>(value: string, allowed: ReadonlyArray<A>, option: string): A =>
  (allowed as ReadonlyArray<string>).includes(value) ? (value as A) : fail(`--${option} must be ${allowed.join(" or ")}, not "${value}"`)

const parse = () => {
  try {
    return parseArgs({
      options: {
        locale: { type: "string", default: "zh" },
        today: { type: "string" },
        db: { type: "string" },
        profile: { type: "string", default: "national" },
        help: { type: "boolean", short: "h", default: false }
      },
      strict: true
    }).values
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e))
  }
}

const args = parse()
if (args.help) {
  console.log(usage)
  process.exit(0)
}
const locale = oneOf<Locale>(args.locale, ["zh", "en"], "locale")
const profile = oneOf<ProfileChoice>(args.profile, ["national", "strict"], "profile")
const today: CivilDate =
  args.today === undefined
    ? chinaDate(new Date())
    : Either.getOrElse(parseCivilDate(args.today), () => fail(`--today must be a real date written YYYY-MM-DD, not "${args.today}"`))
const dbFile = args.db ?? join(mkdtempSync(join(tmpdir(), "zhibu-demo-")), "demo.sqlite")

runDemo({ locale, today, dbFile, profile }).then(
  (text) => process.stdout.write(text),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
)
