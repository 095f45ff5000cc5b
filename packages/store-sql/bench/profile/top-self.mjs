// Prints the functions with the most self time in the largest .cpuprofile of a directory; a function
// without a name is shown by its line of the bundle (`node top-self.mjs <dir> [count] [bundle]`).
import { readdirSync, readFileSync } from "node:fs"

const [dir, count = "25", bundle] = process.argv.slice(2)
const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).map((f) => `${dir}/${f}`)
const file = files.map((f) => [f, readFileSync(f, "utf8").length]).sort((a, b) => b[1] - a[1])[0][0]
const profile = JSON.parse(readFileSync(file, "utf8"))
const lines = bundle === undefined ? [] : readFileSync(bundle, "utf8").split("\n")
const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
const self = new Map()
let total = 0
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0
  total += dt
  const { callFrame: f } = nodes.get(profile.samples[i])
  const where = f.url.endsWith("profile.mjs") ? `bundle:${f.lineNumber + 1}` : `${f.url.replace(/.*\//, "")}:${f.lineNumber + 1}`
  const name = f.functionName || (f.url.endsWith("profile.mjs") && lines[f.lineNumber] ? `(anon) ${lines[f.lineNumber].trim().slice(0, 70)}` : "(anon)")
  const key = `${name}  [${where}]`
  self.set(key, (self.get(key) ?? 0) + dt)
}
console.log(`self time of ${(total / 1000).toFixed(0)} ms sampled`)
for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(count)))
  console.log(`${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${key}`)
