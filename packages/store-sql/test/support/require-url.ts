import { describe, it } from "@effect/vitest"

/**
 * The URL of a real server from the environment. When it is missing the caller's tests are
 * skipped — unless `ZHIBU_REQUIRE_DB=1`, where a failing test says which variable is missing,
 * because CI must never pass by silently skipping a database.
 */
export const serverUrl = (variable: "PG_URL" | "MYSQL_URL"): string | undefined => {
  const url = process.env[variable]
  if (url !== undefined && url !== "") return url
  if (process.env.ZHIBU_REQUIRE_DB === "1")
    describe(`${variable} (required by ZHIBU_REQUIRE_DB=1)`, () => {
      it(`is set`, () => {
        throw new Error(`ZHIBU_REQUIRE_DB=1 but ${variable} is not set: this run must test a real server`)
      })
    })
  return undefined
}
