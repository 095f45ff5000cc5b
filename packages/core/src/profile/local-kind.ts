import type * as Schema from "effect/Schema"
import type { CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import type { RuleSource } from "./rule.js"

/** What every local kind has, whatever its domain: an id unique in the profile, and a name. */
export interface LocalKind {
  readonly id: string
  readonly name: Message
}

/**
 * 本地类型 — a kind a local override profile added (a meeting kind today), as a profile holds it:
 * with the document that added it, from when, and the override profile that added it.
 */
export type ProfileLocalKind<K extends LocalKind = LocalKind> = K & {
  readonly source: RuleSource
  readonly effectiveFrom: CivilDate
  readonly profileId: string
}

/**
 * How one domain lets a local override profile add kinds of its own: the override field that lists
 * them, the Schema of one kind, the domain's own check, and how `docs/rules.md` lists them. The
 * profile machinery knows no domain; a domain hands its sections to the profile it is composed into
 * (see `RuleDomain`), and `applyOverride` decodes and checks each section it finds there.
 */
export interface LocalKindSection<K extends LocalKind = LocalKind> {
  /** The field of the override profile that lists these kinds, e.g. `meetingKinds`. */
  readonly key: string
  /** What one kind is called in a refusal, e.g. `local meeting kind`. */
  readonly noun: string
  /** One kind as the override profile writes it. */
  readonly kind: Schema.Schema<K, any>
  /** Why the domain refuses `kind` (e.g. it reuses a national id), or undefined when it may be added. */
  readonly refuse: (kind: K) => string | undefined
  /** The table of these kinds in a rules document: heading, the domain's own columns, and their cells. */
  readonly table: {
    readonly heading: string
    readonly columns: ReadonlyArray<string>
    /** The domain's cells for one kind, one per column. */
    readonly cells: (kind: ProfileLocalKind<K>) => ReadonlyArray<string>
  }
}
