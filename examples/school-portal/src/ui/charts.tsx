import type { BranchCompliance, PeriodCompliance } from "@zhibu/core/rules"

/**
 * Server-rendered SVG charts: no script, no library, readable on a phone (the SVG scales to the
 * width) and in print. Every number is also in the table next to the chart.
 */

export interface Series {
  readonly name: string
  readonly values: ReadonlyArray<number>
  /** A fill colour. */
  readonly color: string
}

/** The axis top: five equal steps of 1, 2 or 5 × a power of ten (whole steps, so counts never show fractions). */
const niceMax = (max: number): number => {
  const raw = Math.max(max, 1) / 5
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((s) => s * magnitude).find((s) => s >= raw && Number.isInteger(s)) ?? Math.ceil(raw)
  return step * 5
}

/** Grouped vertical bars: one group per category, one bar per series, with a value axis and a legend. */
export const BarChart = (props: {
  readonly title: string
  readonly categories: ReadonlyArray<string>
  readonly series: ReadonlyArray<Series>
  /** Formats an axis or bar value (e.g. fen as 元). */
  readonly format: (n: number) => string
  /** A horizontal reference line (a target), with its label. */
  readonly target?: { readonly value: number; readonly label: string }
  readonly testid?: string
}) => {
  const width = 640
  const height = 260
  const left = 64
  const right = 12
  const top = 28
  const bottom = 40
  const all = props.series.flatMap((s) => s.values)
  const max = niceMax(Math.max(...all, props.target?.value ?? 0))
  const plotW = width - left - right
  const plotH = height - top - bottom
  const groupW = plotW / Math.max(1, props.categories.length)
  const barW = Math.min(28, (groupW * 0.75) / Math.max(1, props.series.length))
  const y = (v: number) => top + plotH - (v / max) * plotH
  const ticks = [0, 1, 2, 3, 4, 5].map((t) => (t * max) / 5)
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={props.title} data-testid={props.testid}>
      <title>{props.title}</title>
      {ticks.map((t) => (
        <g>
          <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} stroke="#e1e5ea" />
          <text x={left - 6} y={y(t) + 4} text-anchor="end" font-size="11" fill="#5f6b76">
            {props.format(t)}
          </text>
        </g>
      ))}
      {props.categories.map((c, i) => {
        const x0 = left + i * groupW + (groupW - barW * props.series.length) / 2
        return (
          <g>
            {props.series.map((s, k) => {
              const v = s.values[i] ?? 0
              return (
                <rect x={x0 + k * barW} y={y(v)} width={barW - 2} height={Math.max(0, top + plotH - y(v))} fill={s.color}>
                  <title>{`${c} ${s.name}：${props.format(v)}`}</title>
                </rect>
              )
            })}
            <text x={left + i * groupW + groupW / 2} y={height - bottom + 16} text-anchor="middle" font-size="12" fill="#1f2328">
              {c}
            </text>
          </g>
        )
      })}
      {props.target !== undefined ? (
        <g>
          <line x1={left} x2={width - right} y1={y(props.target.value)} y2={y(props.target.value)} stroke="#b71c1c" stroke-dasharray="5 4" />
          <text x={width - right} y={y(props.target.value) - 4} text-anchor="end" font-size="11" fill="#b71c1c">
            {props.target.label}
          </text>
        </g>
      ) : null}
      {props.series.map((s, k) => (
        <g>
          <rect x={left + k * 110} y={6} width={12} height={12} fill={s.color} />
          <text x={left + k * 110 + 16} y={16} font-size="12" fill="#1f2328">
            {s.name}
          </text>
        </g>
      ))}
    </svg>
  )
}

const stateText = { met: "已完成", gap: "缺开", open: "待开", notRequired: "不要求" } as const

/**
 * 年度热力图 — one row per obligation (the branch's, its committee's, each group's), one column per
 * month; a quarterly or yearly period spans its months. Each cell shows held/required.
 */
export const HeatMap = (props: { readonly report: BranchCompliance; readonly names: ReadonlyMap<string, string>; readonly year: number }) => {
  const months = Array.from({ length: 12 }, (_, i) => i + 1)
  const rows = props.report.obligations.filter((o) => o.cadence !== "weekly")
  const periodOf = (periods: ReadonlyArray<PeriodCompliance>, month: number): PeriodCompliance | undefined => {
    const mid = `${props.year}-${String(month).padStart(2, "0")}-15`
    return periods.find((p) => p.period.start <= mid && mid <= p.period.end)
  }
  return (
    <div>
      <div class="table-wrap">
        <table class="heat" data-testid="heatmap">
          <thead>
            <tr>
              <th class="label">要求</th>
              {months.map((m) => (
                <th>{m}月</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => {
              const cells: Array<{ p: PeriodCompliance | undefined; span: number }> = []
              for (const m of months) {
                const p = periodOf(o.periods, m)
                const last = cells.at(-1)
                if (last !== undefined && p !== undefined && last.p === p) last.span++
                else cells.push({ p, span: 1 })
              }
              const group = o.organizationId !== props.report.branchId ? props.names.get(o.organizationId) ?? o.organizationId : undefined
              return (
                <tr>
                  <td class="label">
                    {o.name.zh}
                    {o.speaker === "secretary" ? "（书记讲）" : ""}
                    {group === undefined ? null : <span class="muted small">（{group.replace("党小组", "")}）</span>}
                  </td>
                  {cells.map((c) => (
                    <td colspan={c.span}>
                      {c.p === undefined ? null : (
                        <span class={`cell ${c.p.state}`} title={`${c.p.period.label} ${stateText[c.p.state]}`}>
                          {c.p.state === "notRequired" ? "–" : `${c.p.held}/${c.p.required}`}
                        </span>
                      )}
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <div class="legend">
        <span>
          <span class="heat">
            <span class="cell met">&nbsp;1/1&nbsp;</span>
          </span>{" "}
          已完成
        </span>
        <span>
          <span class="heat">
            <span class="cell gap">&nbsp;0/1&nbsp;</span>
          </span>{" "}
          期满未开（缺）
        </span>
        <span>
          <span class="heat">
            <span class="cell open">&nbsp;0/1&nbsp;</span>
          </span>{" "}
          期间未结束
        </span>
      </div>
    </div>
  )
}
