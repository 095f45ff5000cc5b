import { storeSuite } from "@zhibu/store-testkit"
import { kinds } from "./support/kinds.js"
import { sqliteFileLayer } from "./support/layers.js"

storeSuite("SQL on a SQLite file", sqliteFileLayer, { kinds })
