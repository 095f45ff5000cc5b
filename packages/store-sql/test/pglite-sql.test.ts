import { afterAll } from "@effect/vitest"
import { modelSuite } from "./support/model-suite.js"
import { sqlSuite } from "./support/sql-suite.js"
import { pglite, shared } from "./support/targets.js"

// One PGlite instance for the whole file.
const { target, close } = shared(pglite)
afterAll(close)
sqlSuite(target)
modelSuite(target, 20)
