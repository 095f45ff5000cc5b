/*
 * Period functions for any cadence. Calendar cadences never fail and always find a period; the
 * `semester` cadence needs the school calendar (a `SchoolCalendarRequired` error without
 * one, never a guess) and finds no period for a date in a vacation.
 */

import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type { Cadence } from "./cadence.js"
import type { CivilDate } from "./civil-date.js"
import { SchoolCalendarRequired } from "./errors.js"
import {
  calendarPeriod,
  calendarPeriodsOverlapping,
  isCalendarCadence,
  nextCalendarPeriod,
  type Period,
  previousCalendarPeriod
} from "./period.js"
import { nextSemester, previousSemester, type SchoolCalendar, semesterOf, semestersOverlapping } from "./school-calendar.js"

const withCalendar = <A>(
  schoolCalendar: SchoolCalendar | undefined,
  date: CivilDate | undefined,
  f: (calendar: SchoolCalendar) => A
): Either.Either<A, SchoolCalendarRequired> =>
  schoolCalendar === undefined
    ? Either.left(new SchoolCalendarRequired(date === undefined ? {} : { date }))
    : Either.right(f(schoolCalendar))

/** The period of `cadence` containing `date`; none only for a semester date that falls in a vacation. */
export const periodContaining = (
  cadence: Cadence,
  date: CivilDate,
  schoolCalendar?: SchoolCalendar
): Either.Either<Option.Option<Period>, SchoolCalendarRequired> =>
  isCalendarCadence(cadence)
    ? Either.right(Option.some(calendarPeriod(cadence, date)))
    : withCalendar(schoolCalendar, date, (c) => semesterOf(c, date))

/** The periods of `cadence` overlapping `[from, to]` (both inclusive), in order. */
export const periodsOverlapping = (
  cadence: Cadence,
  from: CivilDate,
  to: CivilDate,
  schoolCalendar?: SchoolCalendar
): Either.Either<ReadonlyArray<Period>, SchoolCalendarRequired> =>
  isCalendarCadence(cadence)
    ? Either.right(calendarPeriodsOverlapping(cadence, from, to))
    : withCalendar(schoolCalendar, from, (c) => semestersOverlapping(c, from, to))

/** The period after `period`; none only when the school calendar has no later term. */
export const nextPeriod = (
  period: Period,
  schoolCalendar?: SchoolCalendar
): Either.Either<Option.Option<Period>, SchoolCalendarRequired> => {
  const cadence = period.cadence
  return isCalendarCadence(cadence)
    ? Either.right(Option.some(nextCalendarPeriod({ ...period, cadence })))
    : withCalendar(schoolCalendar, period.end, (c) => nextSemester(c, period))
}

/** The period before `period`; none only when the school calendar has no earlier term. */
export const previousPeriod = (
  period: Period,
  schoolCalendar?: SchoolCalendar
): Either.Either<Option.Option<Period>, SchoolCalendarRequired> => {
  const cadence = period.cadence
  return isCalendarCadence(cadence)
    ? Either.right(Option.some(previousCalendarPeriod({ ...period, cadence })))
    : withCalendar(schoolCalendar, period.start, (c) => previousSemester(c, period))
}
