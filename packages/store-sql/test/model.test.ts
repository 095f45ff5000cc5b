import { modelSuite } from "./support/model-suite.js"
import { sqliteFile, sqliteMemory } from "./support/targets.js"

modelSuite(sqliteMemory, 100)
modelSuite(sqliteFile, 30)
