import type { AddressInfo } from "node:net"
import { chinaWorkdays } from "@zhibu/calendar-cn"
import { type CivilDate, chinaDate, type Locale, nationalBaseline } from "@zhibu/core"
import { createAdaptorServer } from "@hono/node-server"
import * as Cause from "effect/Cause"
import * as Exit from "effect/Exit"
import { createPortal } from "./app.js"
import { DEMO_TENANT, noonInChina } from "./demo.js"
import { storeRuntime } from "./runtime.js"
import { type SeedReport, seedDemoSchool } from "./seed/index.js"

export interface ServeOptions {
  /** The SQLite file (created, migrated and seeded when new). */
  readonly dbFile: string
  /** The first port to try; 0 lets the system choose a free one. */
  readonly port: number
  /** When the port is taken, try the next ones (up to this many); 0: fail with a clear message. */
  readonly portAttempts?: number
  /** The day the portal judges by (default: today in China); the clock runs on from it. */
  readonly today?: CivilDate
  readonly locale?: Locale
  /** The generator's seed for a new database. */
  readonly seed?: number
  /** Where the app is mounted (default: the root). */
  readonly basePath?: string
}

export interface RunningPortal {
  readonly url: string
  readonly port: number
  readonly seed: SeedReport
  readonly close: () => Promise<void>
}

/** The port was taken and no other was tried (or all were taken). */
export class PortInUse extends Error {
  override readonly name = "PortInUse"
  constructor(readonly port: number, readonly attempts: number) {
    super(
      attempts <= 1
        ? `端口 ${port} 已被占用：请用 --port 指定其他端口 — port ${port} is in use: choose another with --port`
        : `端口 ${port}–${port + attempts - 1} 均已被占用：请用 --port 指定其他端口 — ports ${port}–${port + attempts - 1} are all in use: choose another with --port`
    )
  }
}

const listen = (server: ReturnType<typeof createAdaptorServer>, port: number): Promise<number | "inUse"> =>
  new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening)
      if (error.code === "EADDRINUSE") resolve("inUse")
      else reject(error)
    }
    const onListening = () => {
      server.off("error", onError)
      resolve((server.address() as AddressInfo).port)
    }
    server.once("error", onError)
    server.once("listening", onListening)
    server.listen(port, "127.0.0.1")
  })

/**
 * Opens the SQLite file (migrating it), seeds the demo school when the file is new, and serves the
 * portal on 127.0.0.1. A taken port moves on to the next free one (`portAttempts`), or fails with
 * {@link PortInUse}.
 */
export const servePortal = async (options: ServeOptions): Promise<RunningPortal> => {
  const offset = options.today === undefined ? 0 : noonInChina(options.today).getTime() - noonInChina(chinaDate(new Date())).getTime()
  const clock = () => new Date(Date.now() + offset)
  const today = chinaDate(clock())
  // Take the port first, so that a port in use is known at once; requests wait for the app (503 until then).
  let handle: (request: Request) => Response | Promise<Response> = () =>
    new Response("正在准备演示数据，请稍候 — preparing the demo data", { status: 503, headers: { "retry-after": "5" } })
  const server = createAdaptorServer({ fetch: (request: Request) => handle(request) })
  const attempts = Math.max(1, options.portAttempts ?? 1)
  let port: number | undefined
  for (let i = 0; i < attempts && port === undefined; i++) {
    const got = await listen(server, options.port === 0 ? 0 : options.port + i)
    if (got !== "inUse") port = got
  }
  if (port === undefined) throw new PortInUse(options.port, attempts)
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()))
  const store = storeRuntime(`sqlite:${options.dbFile}`)
  const seeded = await store.run(
    seedDemoSchool({ tenantId: DEMO_TENANT, seed: options.seed ?? 1, today, profile: nationalBaseline, workdays: chinaWorkdays })
  )
  if (Exit.isFailure(seeded)) {
    await closeServer()
    await store.dispose()
    throw Cause.squash(seeded.cause)
  }
  const app = createPortal({
    run: store.run,
    school: seeded.value.school,
    workdays: chinaWorkdays,
    clock,
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    ...(options.basePath === undefined ? {} : { basePath: options.basePath })
  })
  handle = (request) => app.fetch(request)
  const base = options.basePath ?? ""
  return {
    url: `http://127.0.0.1:${port}${base}/`,
    port,
    seed: seeded.value,
    close: async () => {
      await closeServer()
      await store.dispose()
    }
  }
}
