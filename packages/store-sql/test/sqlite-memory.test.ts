import { storeSuite } from "@zhibu/store-testkit"
import { SqlStore } from "../src/layer.js"

storeSuite("SQL on SQLite in memory", () => SqlStore.layerFromUrl("sqlite::memory:", { migrate: "onStart" }))
