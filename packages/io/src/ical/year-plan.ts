import type { Locale } from "@zhibu/core"
import type { PlanItem, YearPlan } from "@zhibu/core/rules"
import { citeSource } from "@zhibu/core/rules"
import ical, { ICalCalendarMethod } from "ical-generator"

/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const CHINA_OFFSET_HOURS = 8

/** Options of {@link yearPlanToICalendar}. */
export interface YearPlanICalendarOptions {
  /** The calendar's name as calendar apps show it (default: the organization id and the year). */
  readonly name?: string
  /** The language of titles and descriptions (default `zh`). */
  readonly locale?: Locale
  /**
   * The instant the file is made (`DTSTAMP` of every event). Required: the library reads no clock,
   * and the same plan and instant give the same file.
   */
  readonly generatedAt: Date
  /** The domain of event UIDs (default `zhibu`): `<organization>/<item id>@<domain>`, stable across exports. */
  readonly uidDomain?: string
}

/**
 * The instant of a civil date and `HH:MM` clock time in China, as a UTC `Date`. Events are written
 * in UTC (`…Z`): every calendar app converts them to the viewer's zone, so 16:00 in Beijing stays
 * 16:00 in Beijing whatever zone the exporting server runs in (toolchain note P14).
 */
export const chinaInstant = (date: string, time: string): Date => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  const [hh, mm] = time.split(":").map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1, d, hh - CHINA_OFFSET_HOURS, mm))
}

const nextDay = (date: string): string => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

const describe = (item: PlanItem, locale: Locale): string => {
  const rule = locale === "zh" ? `规则 ${item.ruleId}，${citeSource(item.source)}` : `rule ${item.ruleId}, ${citeSource(item.source)}`
  const period = item.period === undefined ? "" : locale === "zh" ? `\n所属周期：${item.period.label}` : `\nperiod: ${item.period.label}`
  return `${rule}${period}`
}

/**
 * 年度计划导出 — the year plan as an iCalendar file (RFC 5545, `METHOD:PUBLISH`) that Outlook, Apple
 * Calendar and Google Calendar import: each meeting a timed event in UTC from its China start and end
 * time, each milestone or election date an all-day event (`VALUE=DATE`, ending the next day); every
 * event's description cites its rule and source. UIDs are the plan item ids, so re-importing an
 * updated plan updates the events instead of duplicating them.
 */
export const yearPlanToICalendar = (plan: YearPlan, options: YearPlanICalendarOptions): string => {
  const locale = options.locale ?? "zh"
  const domain = options.uidDomain ?? "zhibu"
  const calendar = ical({
    name: options.name ?? `${plan.organizationId} ${plan.year}`,
    prodId: { company: "zhibu", product: "year-plan", language: locale === "zh" ? "ZH" : "EN" },
    method: ICalCalendarMethod.PUBLISH
  })
  for (const item of plan.items) {
    const common = {
      id: `${plan.organizationId}/${item.id}@${domain}`,
      stamp: options.generatedAt,
      summary: item.title[locale],
      description: describe(item, locale)
    }
    if (item.startTime !== undefined) {
      calendar.createEvent({
        ...common,
        start: chinaInstant(item.date, item.startTime),
        end: chinaInstant(item.date, item.endTime ?? item.startTime)
      })
    } else {
      calendar.createEvent({ ...common, start: item.date, end: nextDay(item.date), allDay: true })
    }
  }
  return calendar.toString()
}
