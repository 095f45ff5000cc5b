import { storeSuite } from "@zhibu/store-testkit"
import { urlLayer } from "./support/layers.js"
import { kinds } from "./support/kinds.js"

storeSuite("SQL on SQLite in memory", () => urlLayer("sqlite::memory:"), { kinds })
