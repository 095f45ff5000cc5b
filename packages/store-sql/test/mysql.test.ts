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

// A real MySQL 8 or MariaDB 10.11 from MYSQL_URL; skipped without it, failing under ZHIBU_REQUIRE_DB=1.
const url = serverUrl("MYSQL_URL")

describe.runIf(url !== undefined)("MariaDB/MySQL server", () => {
  storeSuite("SQL on a MariaDB/MySQL server", () => urlLayer(url!), { kinds })
  sqlSuite(server("MariaDB/MySQL server", "mysql", url!))
  modelSuite(server("MariaDB/MySQL server", "mysql", url!), 15)
  serverSuite("mysql", url!)
  migrationSuite("scratch databases on the MariaDB/MySQL server", "mysql", scratchDatabase("mysql", url!))
})
