import { storeSuite } from "@zhibu/store-testkit"
import { sqliteFileLayer } from "./support/layers.js"

storeSuite("SQL on a SQLite file", sqliteFileLayer)
