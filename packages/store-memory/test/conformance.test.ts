import { coreRecordKinds } from "@zhibu/core/store"
import { storeSuite, widgetKind } from "@zhibu/store-testkit"
import { MemoryStore } from "../src/index.js"

// Core's kinds and the testkit's made-up widget: a kind the memory store serves from its descriptor alone.
const kinds = [...coreRecordKinds, widgetKind]

storeSuite("memory", () => MemoryStore.layer({ kinds }), { kinds })
