import { defineRecordKind, field } from "../store/record-kind.js"
import { TransferLetter } from "./letter.js"
import { MobileAttachment } from "./mobile.js"

/**
 * 组织关系介绍信 — the stored transfer letters, filtered by the organization that holds them and
 * whether they are received (pending letters per branch, the county's pocket members), by member,
 * and by the sending tenant's letter (received once). Migration 0005 made the table.
 */
export const transferLetterKind = defineRecordKind({
  name: "transferLetter",
  table: "zhibu_transfer_letter",
  schema: TransferLetter,
  fields: {
    organizationId: field.key((l: TransferLetter) => l.organizationId),
    direction: field.key((l: TransferLetter) => l.direction),
    memberId: field.key((l: TransferLetter) => l.memberId),
    status: field.key((l: TransferLetter) => (l.receivedOn === null ? "pending" : "received")),
    issuedOn: field.date((l: TransferLetter) => l.issuedOn),
    validUntil: field.date((l: TransferLetter) => l.validUntil),
    receivedOn: field.dateOrNull((l: TransferLetter) => l.receivedOn),
    sourceTenantId: field.keyOrNull((l: TransferLetter) => l.source?.tenantId ?? null),
    sourceLetterId: field.keyOrNull((l: TransferLetter) => l.source?.letterId ?? null),
    letterNumber: field.text((l: TransferLetter) => l.letterNumber, 100)
  },
  organizationField: "organizationId",
  indexes: [["organizationId", "status"], ["memberId"], ["status", "validUntil"], ["sourceTenantId", "sourceLetterId"]]
})

/**
 * 流动党员 — the stored attachments of mobile members to host organizations, by member and by
 * host (the home branch and the host each list theirs). Migration 0005 made the table.
 */
export const mobileAttachmentKind = defineRecordKind({
  name: "mobileAttachment",
  table: "zhibu_mobile_attachment",
  schema: MobileAttachment,
  fields: {
    memberId: field.key((a: MobileAttachment) => a.memberId),
    homeOrganizationId: field.key((a: MobileAttachment) => a.homeOrganizationId),
    hostOrganizationId: field.keyOrNull((a: MobileAttachment) => a.host.organizationId),
    from: field.date((a: MobileAttachment) => a.from),
    until: field.dateOrNull((a: MobileAttachment) => a.until),
    hostName: field.text((a: MobileAttachment) => a.host.name, 200)
  },
  organizationField: "homeOrganizationId",
  indexes: [["memberId"], ["homeOrganizationId"], ["hostOrganizationId"]]
})
