// Inclusive time of named functions in a .cpuprofile (`node inclusive.mjs <file> name…`): the samples
// with the function anywhere on their stack, counted once per sample.
import { readFileSync } from "node:fs"

const [file, ...names] = process.argv.slice(2)
const profile = JSON.parse(readFileSync(file, "utf8"))
const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const totals = new Map(names.map((n) => [n, 0]))
let total = 0
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0
  total += dt
  const seen = new Set()
  for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
    const name = nodes.get(id).callFrame.functionName
    if (totals.has(name) && !seen.has(name)) {
      seen.add(name)
      totals.set(name, totals.get(name) + dt)
    }
  }
}
for (const [name, t] of totals) console.log(`${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`)
