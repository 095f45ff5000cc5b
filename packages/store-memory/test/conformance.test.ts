import { storeSuite } from "@zhibu/store-testkit"
import { memoryStoreLayer } from "../src/index.js"

storeSuite("memory", () => memoryStoreLayer)
