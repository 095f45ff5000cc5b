import type { Message } from "../i18n/message.js"
import type { StepId } from "./step.js"

/** The name of each of the 25 steps as the flow chart writes it, and in English. */
export const stepNames: Readonly<Record<StepId, Message>> = {
  application: { zh: "递交入党申请书", en: "application" },
  applicationTalk: { zh: "党组织派人谈话", en: "talk with the applicant" },
  activistDesignation: { zh: "确定入党积极分子", en: "designation as activist" },
  activistFiling: { zh: "报上级党委备案（入党积极分子）", en: "activist filing with the higher committee" },
  contactsAssigned: { zh: "指定培养联系人", en: "contacts assigned" },
  activistAssessment: { zh: "培养教育考察", en: "activist assessment" },
  candidateDesignation: { zh: "确定发展对象", en: "designation as candidate" },
  candidateApproval: { zh: "报上级党委备案或同意（发展对象）", en: "candidate filing or consent by the higher committee" },
  introducersAssigned: { zh: "确定入党介绍人", en: "introducers assigned" },
  politicalReview: { zh: "政治审查", en: "political review" },
  intensiveTraining: { zh: "集中培训", en: "centralized training" },
  committeeReview: { zh: "支部委员会审查", en: "branch committee review" },
  preliminaryReview: { zh: "上级党委预审", en: "pre-review by the higher committee" },
  applicationFormIssued: { zh: "填写入党志愿书", en: "application form issued" },
  admissionMeeting: { zh: "支部大会讨论接收", en: "branch meeting on admission" },
  approvalTalk: { zh: "上级党委派人谈话", en: "talk by the higher committee" },
  admissionApproval: { zh: "上级党委审批", en: "admission approval" },
  admissionFiling: { zh: "再上一级党委组织部门备案", en: "filing with the organization department above" },
  placement: { zh: "编入党支部和党小组", en: "placement in a branch and group" },
  oath: { zh: "入党宣誓", en: "oath" },
  probationAssessment: { zh: "继续教育考察", en: "probation assessment" },
  conversionApplication: { zh: "提出转正申请", en: "conversion application" },
  conversionMeeting: { zh: "支部大会讨论转正", en: "branch meeting on conversion" },
  conversionApproval: { zh: "上级党委审批转正", en: "conversion approval" },
  archived: { zh: "材料归档", en: "file archived" }
}
