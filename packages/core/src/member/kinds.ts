import { defineRecordKind, field } from "../store/record-kind.js"
import { Member } from "./member.js"

/**
 * 党员档案 — the stored member files (applicants to full members), filtered and counted by branch,
 * stage and status (migrations 0001 and 0002 made the table and its indexes).
 */
export const memberKind = defineRecordKind({
  name: "member",
  table: "zhibu_member",
  schema: Member,
  fields: {
    organizationId: field.key((m: Member) => m.organizationId),
    stage: field.key((m: Member) => m.stage),
    status: field.key((m: Member) => m.status),
    name: field.text((m: Member) => m.name, 255),
    birthDate: field.date((m: Member) => m.birthDate)
  },
  organizationField: "organizationId",
  indexes: [["organizationId"], ["stage"], ["status"], ["organizationId", "stage", "status"]]
})
