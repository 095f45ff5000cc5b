import { addDays, CivilDate } from "@zhibu/core"
import { dayOfWeek } from "@zhibu/core/rules"
import * as Schema from "effect/Schema"

/** 放假 — one holiday of a year's schedule: its days `from` to `to` (both inclusive) and its name. */
export const HolidayPeriod = Schema.Struct({
  from: CivilDate,
  to: CivilDate,
  /** e.g. 春节 / Spring Festival */
  name: Schema.String.pipe(Schema.minLength(1))
})
export type HolidayPeriod = typeof HolidayPeriod.Type

const yearOf = (date: CivilDate): number => Number(date.slice(0, 4))

const isWeekend = (date: CivilDate): boolean => dayOfWeek(date) >= 6

/** Every day from `from` to `to`, both inclusive. */
export const daysOf = (period: { readonly from: CivilDate; readonly to: CivilDate }): ReadonlyArray<CivilDate> => {
  const out: Array<CivilDate> = []
  for (let d = period.from; d <= period.to; d = addDays(d, 1)) out.push(d)
  return out
}

type Schedule = {
  readonly year: number
  readonly holidays: ReadonlyArray<HolidayPeriod>
  readonly makeUpWorkdays: ReadonlyArray<CivilDate>
}

/** The problems of a decoded schedule, each at its path, in zh-CN and English. */
const problems = (s: Schedule): ReadonlyArray<Schema.FilterIssue> => {
  const out: Array<Schema.FilterIssue> = []
  const outsideYear = (date: CivilDate) => `${date} 不在${s.year}年内 / is not in ${s.year}`
  const offBy = new Map<CivilDate, string>()
  s.holidays.forEach((h, i) => {
    if (yearOf(h.from) !== s.year) out.push({ path: ["holidays", i, "from"], message: outsideYear(h.from) })
    if (yearOf(h.to) !== s.year) out.push({ path: ["holidays", i, "to"], message: outsideYear(h.to) })
    if (h.from > h.to) {
      out.push({ path: ["holidays", i], message: `${h.name}：开始日${h.from}晚于结束日${h.to} / starts on ${h.from}, after its end ${h.to}` })
      return
    }
    for (const day of daysOf(h)) {
      const other = offBy.get(day)
      if (other !== undefined) {
        out.push({ path: ["holidays", i], message: `${h.name}与${other}在${day}重叠 / ${h.name} overlaps ${other} on ${day}` })
        break
      }
      offBy.set(day, h.name)
    }
  })
  s.makeUpWorkdays.forEach((day, i) => {
    if (yearOf(day) !== s.year) out.push({ path: ["makeUpWorkdays", i], message: outsideYear(day) })
    if (!isWeekend(day)) out.push({ path: ["makeUpWorkdays", i], message: `调休上班日${day}不是周六或周日 / the make-up working day ${day} is not a Saturday or Sunday` })
    const holiday = offBy.get(day)
    if (holiday !== undefined) out.push({ path: ["makeUpWorkdays", i], message: `调休上班日${day}在${holiday}假期内 / the make-up working day ${day} falls in ${holiday}` })
  })
  return out
}

/**
 * 年度节假日安排 — one year's holiday schedule as the State Council publishes it (国务院办公厅关于
 * 某年部分节假日安排的通知): the holidays, each with its days off (weekends inside included), and the
 * make-up working days (调休上班) on Saturdays or Sundays. Every date lies in `year`; a holiday ends
 * no earlier than it starts; holidays do not overlap one another or a make-up day; at least one
 * holiday. Dates are `YYYY-MM-DD`.
 *
 * @example
 * { year: 2027, holidays: [{ from: "2027-01-01", to: "2027-01-03", name: "元旦" }, …], makeUpWorkdays: ["2027-02-20", …] }
 */
export const HolidaySchedule = Schema.Struct({
  year: Schema.Int.pipe(Schema.between(1900, 2999)),
  holidays: Schema.Array(HolidayPeriod).pipe(Schema.minItems(1)),
  makeUpWorkdays: Schema.Array(CivilDate)
}).pipe(
  Schema.filter(problems),
  Schema.annotations({ identifier: "HolidaySchedule" })
)
export type HolidaySchedule = typeof HolidaySchedule.Type
/** A schedule as plain data (strings), as an application writes it or reads it from JSON. */
export type HolidayScheduleInput = typeof HolidaySchedule.Encoded

/**
 * 节假日安排无效 — supplied holiday data that cannot be used: a schedule that does not decode
 * (`year` is set when it is known), two schedules for one year, or years that leave a gap in the
 * calendar's coverage. Nothing was built.
 */
export class InvalidHolidaySchedule extends Schema.TaggedError<InvalidHolidaySchedule>()("ZhibuInvalidHolidaySchedule", {
  year: Schema.optional(Schema.Number),
  reason: Schema.String
}) {
  override get message(): string {
    const year = this.year === undefined ? "" : ` ${this.year}`
    const yearZh = this.year === undefined ? "" : `（${this.year}年）`
    return `节假日安排无效${yearZh}; invalid holiday schedule${year}: ${this.reason}`
  }
}
