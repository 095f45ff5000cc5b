import { describe } from "@effect/vitest"
import { storeSuite } from "@zhibu/store-testkit"
import { kinds } from "./support/kinds.js"
import { urlLayer } from "./support/layers.js"
import { migrationSuite } from "./support/migration-suite.js"
import { modelSuite } from "./support/model-suite.js"
import { serverUrl } from "./support/require-url.js"
import { scratchDatabase } from "./support/scratch.js"
import { serverSuite } from "./support/server-suite.js"
import { sqlSuite } from "./support/sql-suite.js"
import { server } from "./support/targets.js"

// A real PostgreSQL (15 or later) from PG_URL; skipped without it, failing under ZHIBU_REQUIRE_DB=1.
const url = serverUrl("PG_URL")

describe.runIf(url !== undefined)("PostgreSQL server", () => {
  storeSuite("SQL on a PostgreSQL server", () => urlLayer(url!), { kinds })
  sqlSuite(server("PostgreSQL server", "postgres", url!))
  modelSuite(server("PostgreSQL server", "postgres", url!), 15)
  serverSuite("postgres", url!)
  migrationSuite("scratch databases on the PostgreSQL server", "postgres", scratchDatabase("postgres", url!))
})
