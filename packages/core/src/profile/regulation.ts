import * as Schema from "effect/Schema"
import type { CivilDate } from "../calendar/civil-date.js"

/** A regulation a rule can cite. Short ids follow `docs/rules.md` (and the research notes). */
export interface Regulation {
  readonly id: RegulationId
  /** Full title, with book-title marks, as it is cited in Chinese. */
  readonly title: string
  readonly titleEn: string
  readonly issuer: string
  readonly effectiveFrom: CivilDate
}

/** The short ids of the regulations zhibu cites; `LOCAL` is a local document (named in the source). */
export const RegulationId = Schema.Literal(
  "PC2022",
  "ZB2018",
  "JG2019",
  "XZ2014",
  "XZ2026",
  "XJ2020",
  "DF2008",
  "JGJC2019",
  "GH2019",
  "ZXX2016",
  "ZXX2022",
  "MZPY",
  "LOCAL"
)
export type RegulationId = typeof RegulationId.Type

const reg = (
  id: RegulationId,
  title: string,
  titleEn: string,
  issuer: string,
  effectiveFrom: string
): Regulation => ({ id, title, titleEn, issuer, effectiveFrom: effectiveFrom as CivilDate })

/** The regulations zhibu cites, by short id. */
export const regulations: Readonly<Record<RegulationId, Regulation>> = {
  PC2022: reg("PC2022", "《中国共产党章程》", "Constitution of the CPC (2022)", "中国共产党第二十次全国代表大会", "2022-10-22"),
  ZB2018: reg("ZB2018", "《中国共产党支部工作条例（试行）》", "Regulations on the Work of Party Branches (Trial)", "中共中央", "2018-10-28"),
  JG2019: reg("JG2019", "《中国共产党党员教育管理工作条例》", "Regulations on the Education and Management of Party Members", "中共中央", "2019-05-06"),
  XZ2014: reg("XZ2014", "《中国共产党发展党员工作细则》（2014年）", "Detailed Rules on Recruiting Party Members (2014)", "中共中央办公厅", "2014-05-28"),
  XZ2026: reg("XZ2026", "《中国共产党发展党员工作细则》（2026年）", "Detailed Rules on Recruiting Party Members (2026 revision)", "中共中央办公厅", "2026-05-11"),
  XJ2020: reg("XJ2020", "《中国共产党基层组织选举工作条例》", "Regulations on Elections in Grassroots Party Organizations", "中共中央", "2020-07-13"),
  DF2008: reg("DF2008", "《关于中国共产党党费收缴、使用和管理的规定》", "Provisions on Party Dues", "中共中央组织部", "2008-04-01"),
  JGJC2019: reg("JGJC2019", "《中国共产党党和国家机关基层组织工作条例》", "Regulations on Grassroots Organizations in Party and State Organs", "中共中央", "2019-11-01"),
  GH2019: reg("GH2019", "《2019—2023年全国党员教育培训工作规划》", "National Plan for Party Member Education and Training 2019–2023", "中共中央办公厅", "2019-11-01"),
  ZXX2016: reg("ZXX2016", "《关于加强中小学校党的建设工作的意见》", "Opinions on Strengthening Party Building in Primary and Secondary Schools", "中共中央组织部、教育部党组", "2016-07-01"),
  ZXX2022: reg("ZXX2022", "《关于建立中小学校党组织领导的校长负责制的意见（试行）》", "Opinions on the Principal Responsibility System under Party Leadership in Schools (Trial)", "中共中央办公厅", "2022-01-26"),
  MZPY: reg("MZPY", "共产党员网《民主评议党员》工作指导", "12371.cn guidance on the democratic evaluation of members", "共产党员网", "2018-01-01"),
  LOCAL: reg("LOCAL", "本地制度", "Local practice", "本单位", "1900-01-01")
}
