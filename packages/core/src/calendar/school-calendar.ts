import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { Message } from "../i18n/message.js"
import { addDays, CivilDate, fromEpochDay } from "./civil-date.js"
import type { Period } from "./period.js"

/** 学期 — one school term: its id (the period label, e.g. `2025-2026-2`), its name, first and last day. */
export const SchoolTerm = Schema.Struct({
  id: Schema.String.pipe(Schema.minLength(1)),
  name: Message,
  start: CivilDate,
  end: CivilDate
}).pipe(Schema.filter((t) => t.start <= t.end || `term "${t.id}" ends (${t.end}) before it starts (${t.start})`))
export type SchoolTerm = typeof SchoolTerm.Type

const checkTerms = (terms: ReadonlyArray<SchoolTerm>): true | string => {
  const ids = new Set<string>()
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!
    if (ids.has(term.id)) return `term id "${term.id}" is used twice`
    ids.add(term.id)
    const before = terms[i - 1]
    if (before !== undefined && term.start <= before.end) {
      return `terms must be in date order without overlap: "${term.id}" starts ${term.start}, "${before.id}" ends ${before.end}`
    }
  }
  return true
}

/**
 * 校历 — a school's terms, in date order, without overlap. Days between terms are vacation
 * (寒暑假) and belong to no semester. Each school or education bureau sets its own dates.
 */
export const SchoolCalendar = Schema.Struct({
  terms: Schema.Array(SchoolTerm)
}).pipe(
  Schema.filter((c) => checkTerms(c.terms)),
  Schema.annotations({
    identifier: "SchoolCalendar",
    arbitrary: () => (fc) =>
      fc
        .record({
          // an epoch day in 1950–2049, so that a few terms fit inside the supported years
          first: fc.integer({ min: -7305, max: 29219 }),
          spans: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 80 }), length: fc.integer({ min: 0, max: 200 }) }), {
            maxLength: 6
          })
        })
        .map(({ first, spans }) => {
          const terms: Array<SchoolTerm> = []
          let day = first
          spans.forEach(({ gap, length }, i) => {
            const start = fromEpochDay(day + gap)
            terms.push({ id: `T${i + 1}`, name: { zh: `第${i + 1}学期`, en: `Term ${i + 1}` }, start, end: addDays(start, length) })
            day += gap + length
          })
          return { terms }
        })
  })
)
export type SchoolCalendar = typeof SchoolCalendar.Type

const toPeriod = (term: SchoolTerm): Period => ({ cadence: "semester", start: term.start, end: term.end, label: term.id })

/** The semester that contains `date`; none when the date is in a vacation or outside the calendar. */
export const semesterOf = (calendar: SchoolCalendar, date: CivilDate): Option.Option<Period> =>
  Option.map(
    Option.fromNullable(calendar.terms.find((t) => t.start <= date && date <= t.end)),
    toPeriod
  )

/** The semesters that overlap `[from, to]` (both inclusive), in date order. */
export const semestersOverlapping = (calendar: SchoolCalendar, from: CivilDate, to: CivilDate): ReadonlyArray<Period> =>
  calendar.terms.filter((t) => t.start <= to && t.end >= from).map(toPeriod)

/** The first semester that starts after `after` ends; none when the calendar has no later term. */
export const nextSemester = (calendar: SchoolCalendar, after: Period): Option.Option<Period> =>
  Option.map(Option.fromNullable(calendar.terms.find((t) => t.start > after.end)), toPeriod)

/** The last semester that ends before `before` starts; none when the calendar has no earlier term. */
export const previousSemester = (calendar: SchoolCalendar, before: Period): Option.Option<Period> =>
  Option.map(Option.fromNullable(calendar.terms.findLast((t) => t.end < before.start)), toPeriod)
