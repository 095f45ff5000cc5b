import { type ChildProcess, spawn } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { type BrowserContext, chromium } from "playwright-core"

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..")
export const repoDir = resolve(packageDir, "..", "..")

/** Debian's Chromium (`apt-get install chromium`); playwright-core never downloads a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

/** The flags this machine needs: no sandbox as root, no GPU, and no background traffic to a closed network. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]

/** The day the tests judge by, so that the demo school is the same whatever the date. */
export const TODAY = "2026-12-01"

export interface RunningApp {
  readonly url: string
  readonly output: () => string
  readonly stop: () => Promise<void>
}

/**
 * Starts the portal as `npm start` does (tsx, the @zhibu/source condition, src/main.ts), on a free
 * port (0) with a fresh database, and waits for the line that prints its URL.
 */
export const startApp = async (): Promise<RunningApp> => {
  const dir = mkdtempSync(join(tmpdir(), "zhibu-portal-browser-"))
  const tsx = join(repoDir, "node_modules", ".bin", "tsx")
  const child: ChildProcess = spawn(tsx, ["--conditions=@zhibu/source", "src/main.ts", "--port", "0", "--db", join(dir, "portal.sqlite"), "--today", TODAY], {
    cwd: packageDir,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0" }
  })
  let output = ""
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the portal did not start within 150 s:\n${output}`)), 150_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (m !== null) {
        clearTimeout(timer)
        resolveUrl(m[1]!)
      }
    }
    child.stdout!.on("data", onData)
    child.stderr!.on("data", (c: Buffer) => {
      output += c.toString()
    })
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`the portal exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r))
        child.kill("SIGTERM")
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export interface Browser {
  readonly context: BrowserContext
  readonly close: () => Promise<void>
}

/** Chromium with a fresh, empty profile (--user-data-dir), in Chinese, accepting downloads. */
export const launchBrowser = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's Chromium and a CJK font (apt-get install -y chromium fonts-noto-cjk)`)
  }
  const profile = mkdtempSync(join(tmpdir(), "zhibu-chromium-"))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 }
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    }
  }
}
