import * as Either from "effect/Either"
import { addMonths, addYears, ageOn, type CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import { ruleAt } from "../profile/profile.js"
import type { ResolvedRule } from "../profile/rule.js"
import { refusedBy } from "../profile/refusal.js"
import type { OrganizationId, PersonId, TenantId } from "../tenant/ids.js"
import { MemberRecordRejected, type StepRejected } from "./errors.js"
import { recordStep } from "./lifecycle.js"
import type { StepContext } from "./lifecycle-context.js"
import type { Member, MemberCategory } from "./member.js"
import { applicationMinimumAgeRule } from "./rules-application.js"
import { probationExtensionRule, probationLengthRule } from "./rules-probation.js"
import type { StepRecord } from "./step.js"

/** Who a person is, independent of their party file (the fields a new file starts from). */
export interface MemberIdentity {
  readonly tenantId: TenantId
  readonly id: PersonId
  readonly organizationId: OrganizationId
  readonly partyGroupId: OrganizationId | null
  readonly name: string
  readonly gender: Member["gender"]
  readonly birthDate: CivilDate
  readonly category: MemberCategory
}

const blankFile = (person: MemberIdentity): Member => ({
  ...person,
  version: 1,
  stage: "applicant",
  status: "active",
  steps: [],
  joinedOn: null,
  convertedOn: null,
  statusHistory: [],
  sanctions: [],
  flagDecisions: [],
  lastContactOn: null
})

/**
 * 入党申请 — opens a file with its `application` step (checked like any step: 年满十八岁 on the
 * application date, not after today). `version` is a placeholder: the store sets it.
 */
export const openApplicantFile = (person: MemberIdentity, application: StepRecord, context: StepContext): Either.Either<Member, StepRejected> =>
  recordStep(blankFile(person), application, { ...context, people: [] })

/**
 * 录入已有党员 — a member who joined before records began: probationary from `joinedOn` (入党时间,
 * the admission meeting), full from `convertedOn` (转正时间, where 党龄 starts). `convertedOn` is the
 * probation end, or after an extension 6 to 12 months later; neither date after today; 18 or over
 * when joining.
 */
export const enterExistingFile = (
  person: MemberIdentity,
  joinedOn: CivilDate,
  convertedOn: CivilDate | null,
  context: Pick<StepContext, "profile" | "today">
): Either.Either<Member, MemberRecordRejected> => {
  const refuse = (text: Message, rule?: ResolvedRule) =>
    Either.left(new MemberRecordRejected({ memberId: person.id, what: "member", ...(rule === undefined ? { text } : refusedBy(rule, text)) }))
  const { profile, today } = context
  const age = ruleAt(profile, applicationMinimumAgeRule, joinedOn)
  if (ageOn(person.birthDate, joinedOn) < age.parameters.minimumAge) {
    return refuse({ zh: `入党时间${joinedOn}未满${age.parameters.minimumAge}周岁`, en: `under ${age.parameters.minimumAge} on the joining date ${joinedOn}` }, age)
  }
  const latestKnown = convertedOn ?? joinedOn
  if (joinedOn > today || latestKnown > today) {
    return refuse({ zh: `日期晚于今天${today}`, en: `a date is after today ${today}` })
  }
  if (convertedOn !== null) {
    const end = addYears(joinedOn, ruleAt(profile, probationLengthRule, joinedOn).parameters.years)
    const extension = ruleAt(profile, probationExtensionRule, end)
    const earliestExtended = addMonths(end, extension.parameters.minimumMonths)
    const latest = addMonths(end, extension.parameters.maximumMonths)
    if (convertedOn !== end && (convertedOn < earliestExtended || convertedOn > latest)) {
      return refuse(
        {
          zh: `转正时间${convertedOn}应为预备期满之日${end}，或延长预备期后的${earliestExtended}至${latest}之间`,
          en: `the conversion date ${convertedOn} is the probation end ${end}, or after an extension between ${earliestExtended} and ${latest}`
        },
        extension
      )
    }
  }
  return Either.right({ ...blankFile(person), stage: convertedOn === null ? "probationary" : "full", joinedOn, convertedOn })
}
