import { quickStart } from "./quick-start.js"

const findings = await quickStart("sqlite::memory:", new Date())
for (const f of findings) console.log(`[${f.severity}] ${f.message.zh}`)
