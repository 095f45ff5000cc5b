import { probationRecognitionRule } from "../transfer/rules-probation.js"
import { type Checked, passes, reject, resolve, type StepCheck } from "./lifecycle-context.js"
import { openTransferReview } from "./transfer-review.js"

/**
 * 转入审查未结 — the conversion of a transferred-in probationary member whose file is under review
 * (rule `transfer.probation.recognition`, rules.md 4.29) waits for the recorded decision: the
 * conversion meeting and its approval are refused while the review is open.
 */
export const checkNoOpenReview = (check: StepCheck): Checked => {
  const open = openTransferReview(check.member)
  if (open === undefined) return passes
  return reject(
    check,
    resolve(check, probationRecognitionRule, check.record.date),
    {
      zh: `${check.member.name}转入（介绍信 ${open.letterNumber}）后的材料审查自${open.raisedOn}起尚无结论，须先记录是否承认其预备党员身份`,
      en: `the review of ${check.member.name}'s transferred-in file (letter ${open.letterNumber}), open since ${open.raisedOn}, has no decision: record whether the probation is recognized first`
    },
    { missing: "recognition decision" }
  )
}
