import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { vi } from "vitest"
import { connectUrl, loadDriver } from "../src/connect.js"

// This file's module graph has no better-sqlite3: importing it fails as a missing package does.
vi.mock("better-sqlite3", () => {
  throw Object.assign(new Error("Cannot find package 'better-sqlite3'"), { code: "ERR_MODULE_NOT_FOUND" })
})

describe("better-sqlite3 is an optional peer", () => {
  it("without it, a sqlite: URL is refused with the package to install", async () => {
    const error = await Effect.runPromise(Effect.flip(connectUrl("sqlite::memory:")))
    expect(error._tag).toBe("ZhibuStoreUnavailable")
    expect(error.reason).toContain("npm install better-sqlite3")
    expect(error.reason).toContain("the SQLite driver is not installed")
  })

  it("a driver that is there but fails to load says why, not that it is missing", async () => {
    const broken = () => Promise.reject(new Error("invalid ELF header"))
    const error = await Effect.runPromise(Effect.flip(loadDriver("better-sqlite3", "SQLite", broken)))
    expect(error.reason).toBe("the SQLite driver `better-sqlite3` could not be loaded: invalid ELF header")
  })
})
