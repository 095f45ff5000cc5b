import { defineRecordKind, field } from "../store/record-kind.js"
import { Organization } from "./organization.js"

/** 党组织 — the stored organizations, filtered by parent and kind (migration 0001 made the table). */
export const organizationKind = defineRecordKind({
  name: "organization",
  table: "zhibu_organization",
  schema: Organization,
  fields: {
    kind: field.key((o: Organization) => o.kind),
    parentId: field.keyOrNull((o: Organization) => o.parentId),
    name: field.text((o: Organization) => o.name, 255)
  },
  indexes: [["parentId"], ["kind"]]
})
