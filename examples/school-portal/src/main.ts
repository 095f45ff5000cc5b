import { mkdirSync, rmSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { type CivilDate, type Locale, parseCivilDate } from "@zhibu/core"
import * as Either from "effect/Either"
import { servePortal } from "./server.js"

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const defaultDb = join(packageDir, "data", "portal.sqlite")

const usage = `支部工作台（演示） — the school party-branch portal

Usage: npm start -- [--port N] [--db FILE] [--today YYYY-MM-DD] [--locale zh|en] [--seed N] [--reset]

  --port    the port on 127.0.0.1 (default 3000; when it is taken, the next free one up to +20)
  --db      the SQLite file (default ${defaultDb}); created, migrated and filled with the demo school when new
  --today   the day the portal judges by (default: today in China); the clock runs on from it
  --locale  the language of the console messages and of exported calendar titles: zh (default) or en; pages are in Chinese
  --seed    the demo generator's seed for a new database (default 1)
  --reset   delete the database file first and start with a fresh demo school`

const fail = (reason: string): never => {
  console.error(`${reason}\n\n${usage}`)
  process.exit(2)
}

const parse = () => {
  try {
    return parseArgs({
      options: {
        port: { type: "string", default: "3000" },
        db: { type: "string" },
        today: { type: "string" },
        locale: { type: "string", default: "zh" },
        seed: { type: "string", default: "1" },
        reset: { type: "boolean", default: false },
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
const port = /^\d+$/.test(args.port) && Number(args.port) <= 65535 ? Number(args.port) : fail(`--port must be a number from 0 to 65535, not "${args.port}"`)
const seed = /^\d+$/.test(args.seed) ? Number(args.seed) : fail(`--seed must be a whole number, not "${args.seed}"`)
const locale: Locale = args.locale === "zh" || args.locale === "en" ? args.locale : fail(`--locale must be zh or en, not "${args.locale}"`)
const today: CivilDate | undefined =
  args.today === undefined ? undefined : Either.getOrElse(parseCivilDate(args.today), () => fail(`--today must be a real date written YYYY-MM-DD, not "${args.today}"`))
const dbFile = resolve(args.db ?? defaultDb)
if (args.reset) rmSync(dbFile, { force: true })
mkdirSync(dirname(dbFile), { recursive: true })

const say = (zh: string, en: string) => console.log(locale === "zh" ? zh : en)

say(`正在打开 ${dbFile} …`, `Opening ${dbFile} …`)
const started = Date.now()
servePortal({ dbFile, port, portAttempts: port === 0 ? 1 : 21, locale, seed, ...(today === undefined ? {} : { today }) }).then(
  (portal) => {
    const s = portal.seed
    if (s.seeded) {
      const parts = s.parts as { meetings?: { recorded: number }; dues?: { payments: number }; study?: { credits: number } }
      say(
        `已生成演示学校：${s.organizations} 个组织、${s.members} 份党员档案、${parts.meetings?.recorded ?? 0} 次会议、${parts.dues?.payments ?? 0} 笔党费、${parts.study?.credits ?? 0} 条学时（${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
        `Made the demo school: ${s.organizations} organizations, ${s.members} member files, ${parts.meetings?.recorded ?? 0} meetings, ${parts.dues?.payments ?? 0} dues payments, ${parts.study?.credits ?? 0} study credits (${((Date.now() - started) / 1000).toFixed(1)} s)`
      )
      for (const r of s.refused) console.warn(`  refused: ${r}`)
    } else {
      say("数据库中已有演示学校，直接打开。", "The database already holds the demo school.")
    }
    if (port !== 0 && portal.port !== port) say(`端口 ${port} 已被占用，改用 ${portal.port}。`, `Port ${port} is in use; using ${portal.port}.`)
    say(`支部工作台已启动：${portal.url}`, `The portal is running at ${portal.url}`)
    say("按 Ctrl+C 停止。", "Press Ctrl+C to stop.")
    const stop = () => {
      portal.close().then(
        () => process.exit(0),
        () => process.exit(1)
      )
    }
    process.once("SIGINT", stop)
    process.once("SIGTERM", stop)
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
)
