import * as Either from "effect/Either"
import { applyStep, fileState, nextSteps } from "./file-state.js"
import type { StepRejected } from "./errors.js"
import { checkAdmissionApproval, checkAdmissionMeeting, checkConversionApproval, checkConversionMeeting, checkPreliminaryReview } from "./lifecycle-checks-admission.js"
import {
  checkApplication,
  checkCandidateApproval,
  checkCandidateDesignation,
  checkContacts,
  checkIntroducers,
  checkPoliticalReview,
  checkTraining
} from "./lifecycle-checks-recruit.js"
import { checkNoOpenReview } from "./lifecycle-checks-review.js"
import { type Checked, firstRefusal, passes, reject, resolve, type StepCheck, type StepContext } from "./lifecycle-context.js"
import type { Member, StatusChange } from "./member.js"
import { stepsOrderRule } from "./rules-application.js"
import type { StepId, StepRecord } from "./step.js"
import { memberStatusNames } from "./status-names.js"
import { stepNames } from "./step-names.js"

/** The step-specific checks; steps not listed need only the general ones (order, dates, status). */
const stepChecks: Partial<Record<StepId, (check: StepCheck) => Checked>> = {
  application: checkApplication,
  contactsAssigned: checkContacts,
  candidateDesignation: checkCandidateDesignation,
  candidateApproval: checkCandidateApproval,
  introducersAssigned: checkIntroducers,
  politicalReview: checkPoliticalReview,
  intensiveTraining: checkTraining,
  preliminaryReview: checkPreliminaryReview,
  admissionMeeting: checkAdmissionMeeting,
  admissionApproval: checkAdmissionApproval,
  conversionMeeting: (check) => firstRefusal(() => checkNoOpenReview(check), () => checkConversionMeeting(check)),
  conversionApproval: (check) => firstRefusal(() => checkNoOpenReview(check), () => checkConversionApproval(check))
}

const names = (steps: ReadonlyArray<StepId>) => ({
  zh: steps.map((s) => stepNames[s].zh).join("或"),
  en: steps.map((s) => stepNames[s].en).join(" or ")
})

/** An active file, the next step of the chart, a date not before the last step and not after today. */
const checkGeneral = (check: StepCheck): Checked => {
  const { member, record, state, context } = check
  const rule = resolve(check, stepsOrderRule, record.date)
  const step = stepNames[record.step]
  return firstRefusal(
    () =>
      member.status === "active"
        ? passes
        : reject(check, rule, { zh: `档案状态为“${memberStatusNames[member.status].zh}”，只有在册档案可以记录步骤`, en: `the file is ${memberStatusNames[member.status].en}; only an active file takes steps` }, { missing: "status active" }),
    () => {
      const allowed = nextSteps(state)
      if (allowed.includes(record.step)) return passes
      const next = names(allowed)
      return reject(
        check,
        rule,
        allowed.length === 0
          ? { zh: `档案已无后续步骤，不能记录“${step.zh}”`, en: `the file takes no further steps; cannot record ${step.en}` }
          : { zh: `下一步应为“${next.zh}”，不能记录“${step.zh}”`, en: `the next step is ${next.en}, not ${step.en}` },
        { missing: allowed.join(" | ") || "none" }
      )
    },
    () =>
      record.date <= context.today
        ? passes
        : reject(check, rule, { zh: `日期${record.date}晚于今天${context.today}`, en: `the date ${record.date} is after today ${context.today}` }, { allowedUntil: context.today }),
    () =>
      state.lastDate === undefined || record.date >= state.lastDate
        ? passes
        : reject(
            check,
            rule,
            { zh: `日期${record.date}早于上一步骤的日期${state.lastDate}`, en: `the date ${record.date} is before the previous step's date ${state.lastDate}` },
            { allowedFrom: state.lastDate }
          ),
    () =>
      record.publicity === undefined || record.publicity.to <= context.today
        ? passes
        : reject(
            check,
            rule,
            { zh: `公示到${record.publicity.to}才结束，期满后方可记录`, en: `the posting ends on ${record.publicity.to}; record the step once it has ended` },
            { missing: "finished publicity", allowedFrom: record.publicity.to }
          )
  )
}

/**
 * 记录发展步骤 — checks a step against the file and the rules and returns the member with the step
 * appended, the stage re-derived, and the status changed when the step ends the file (a rejected
 * admission closes it; an approved cancellation cancels the probation). The member's `version` is
 * untouched: the store sets it. Refusals are {@link StepRejected} values citing the rule.
 */
export const recordStep = (member: Member, record: StepRecord, context: StepContext): Either.Either<Member, StepRejected> => {
  const state = fileState(member, context.profile)
  const check: StepCheck = { member, record, state, context }
  const specific = stepChecks[record.step]
  const checked = firstRefusal(
    () => checkGeneral(check),
    () => (specific === undefined ? passes : specific(check))
  )
  if (Either.isLeft(checked)) return Either.left(checked.left)
  const next = applyStep(state, record, context.profile)
  const ended = next.ended !== undefined && state.ended === undefined ? next.ended : undefined
  const statusChange: ReadonlyArray<StatusChange> =
    ended === undefined
      ? []
      : [
          {
            status: ended,
            date: record.date,
            decidedBy: record.decision?.decidedBy ?? "unknown",
            reason: record.decision?.reason ?? `${stepNames[record.step].zh} / ${stepNames[record.step].en}`
          }
        ]
  return Either.right({
    ...member,
    steps: [...member.steps, record],
    stage: next.stage ?? member.stage,
    status: ended ?? member.status,
    statusHistory: [...member.statusHistory, ...statusChange]
  })
}
