import { mkdtempSync, rmSync } from "node:fs"
import { createServer, type Server } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { PortInUse, servePortal } from "../src/index.js"
import { TODAY } from "./support.js"

let dir: string
let blocker: Server
let taken: number

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhibu-portal-server-"))
  blocker = createServer()
  taken = await new Promise<number>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as { port: number }).port)))
})

afterAll(async () => {
  await new Promise((resolve) => blocker.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

describe("start-up", () => {
  it("serves on 127.0.0.1, moving on from a port in use to the next free one; the second start finds the school already there", async () => {
    const db = join(dir, "portal.sqlite")
    const first = await servePortal({ dbFile: db, port: taken, portAttempts: 20, today: TODAY })
    try {
      expect(first.seed.seeded).toBe(true)
      expect(first.port).toBeGreaterThan(taken)
      expect(first.url).toBe(`http://127.0.0.1:${first.port}/`)
      const res = await fetch(first.url)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain("支部工作台")
    } finally {
      await first.close()
    }
    const again = await servePortal({ dbFile: db, port: 0, today: TODAY })
    try {
      expect(again.seed.seeded).toBe(false)
      expect((await fetch(again.url)).status).toBe(200)
    } finally {
      await again.close()
    }
  })

  it("with no other port to try, a port in use is a clear message naming it", async () => {
    const error = await servePortal({ dbFile: join(dir, "other.sqlite"), port: taken, portAttempts: 1, today: TODAY }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PortInUse)
    expect((error as Error).message).toContain(`端口 ${taken} 已被占用`)
    expect((error as Error).message).toContain("--port")
  })
})
