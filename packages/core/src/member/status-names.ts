import type { Message } from "../i18n/message.js"
import type { MemberStage, MemberStatus } from "./member.js"

/** The name of each stage, as files and reports write it. */
export const memberStageNames: Readonly<Record<MemberStage, Message>> = {
  applicant: { zh: "入党申请人", en: "applicant" },
  activist: { zh: "入党积极分子", en: "activist" },
  candidate: { zh: "发展对象", en: "development candidate" },
  probationary: { zh: "预备党员", en: "probationary member" },
  full: { zh: "正式党员", en: "full member" }
}

/** The name of each status, as files and reports write it. */
export const memberStatusNames: Readonly<Record<MemberStatus, Message>> = {
  active: { zh: "在册", en: "active" },
  probationCancelled: { zh: "已取消预备党员资格", en: "probation cancelled" },
  transferredOut: { zh: "已转出", en: "transferred out" },
  lapsed: { zh: "自行脱党（已除名）", en: "lapsed" },
  suspended: { zh: "停止党籍", en: "suspended" },
  removed: { zh: "已除名", en: "removed" },
  deceased: { zh: "已去世", en: "deceased" },
  closed: { zh: "档案已关闭（未接收）", en: "closed without admission" }
}
