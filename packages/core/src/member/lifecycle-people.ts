import { addDays, maxDate } from "../calendar/civil-date.js"
import type { ResolvedRule } from "../profile/rule.js"
import { type Checked, passes, reject, type StepCheck } from "./lifecycle-context.js"
import type { Member, Sanction } from "./member.js"
import { sanctionsInForce, statusOn } from "./sanctions.js"
import { stageOn } from "./stage.js"

/** How many people a step names, and which sanctions in force on its date bar a person. */
export interface PeopleRequirement {
  readonly minimum: number
  readonly maximum: number
  readonly disqualifying?: ReadonlyArray<Sanction["kind"]>
  readonly disqualifyingRule?: ResolvedRule<unknown>
}

const range = (min: number, max: number): string => (min === max ? `${min}` : `${min}–${max}`)

/**
 * The people named on a step (培养联系人, 入党介绍人) must be distinct, not the member, as many as the
 * rule asks, and each a full, active member on the step's date.
 */
export const checkPeople = (check: StepCheck, rule: ResolvedRule<unknown>, need: PeopleRequirement): Checked => {
  const { record, member, context } = check
  const ids = record.people
  const distinct = new Set(ids)
  const count = range(need.minimum, need.maximum)
  if (distinct.size !== ids.length || distinct.has(member.id) || ids.length < need.minimum || ids.length > need.maximum) {
    return reject(
      check,
      rule,
      {
        zh: `须指定${count}名不同的正式党员（本人除外），实际为${ids.length}名`,
        en: `name ${count} different full members (not the person themselves); ${ids.length} named`
      },
      { missing: `${count} distinct people` }
    )
  }
  for (const id of ids) {
    const person: Member | undefined = context.people.find((p) => p.id === id)
    if (person === undefined) {
      return reject(check, rule, { zh: `人员 ${id} 不在党员名册中`, en: `person ${id} is not on file` }, { missing: `member ${id}` })
    }
    if (stageOn(person, record.date, context.profile) !== "full" || statusOn(person, record.date) !== "active") {
      return reject(
        check,
        rule,
        { zh: `${person.name}（${id}）在${record.date}不是在册正式党员`, en: `${person.name} (${id}) is not an active full member on ${record.date}` },
        { missing: `full member ${id}` }
      )
    }
    const barred = need.disqualifying === undefined ? [] : sanctionsInForce(person, record.date, need.disqualifying)
    if (barred.length > 0 && need.disqualifyingRule !== undefined) {
      const until = barred.map((s) => s.until).reduce((a, b) => (a === undefined || b === undefined ? undefined : maxDate(a, b)))
      return reject(
        check,
        need.disqualifyingRule,
        {
          zh: `${person.name}（${id}）在${record.date}处于处分或处分影响期内（${barred.map((s) => s.kind).join("、")}）`,
          en: `${person.name} (${id}) is under a sanction or its influence period on ${record.date} (${barred.map((s) => s.kind).join(", ")})`
        },
        { missing: `eligible member instead of ${id}`, ...(until === undefined ? {} : { allowedFrom: addDays(until, 1) }) }
      )
    }
  }
  return passes
}
