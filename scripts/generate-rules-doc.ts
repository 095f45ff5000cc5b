/**
 * Writes docs/rules.md from the national baseline. Run with `npm run docs:rules`
 * (tsx with the `@zhibu/source` condition, so @zhibu/core is read from source, no build needed).
 */
import { writeFileSync } from "node:fs"
import { nationalBaseline } from "@zhibu/core"
import { renderRulesMarkdown } from "@zhibu/core/rules"

const target = new URL("../docs/rules.md", import.meta.url)
const markdown = renderRulesMarkdown(nationalBaseline)
writeFileSync(target, markdown)
console.log(`wrote ${target.pathname} (${nationalBaseline.rules.size} rules)`)
