import { storeSuite } from "@zhibu/store-testkit"
import { kinds } from "./support/kinds.js"
import { pgliteLayer } from "./support/layers.js"

// One PGlite instance (about 500 MB) for the whole file.
storeSuite("SQL on PGlite (PostgreSQL in WASM)", pgliteLayer, { kinds })
