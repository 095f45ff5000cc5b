import type { Rng } from "./prng.js"

/**
 * Fictional names. People get a common surname and one or two common given-name characters, drawn
 * at random, so a name belongs to nobody in particular; places are numbered 示范 (demonstration)
 * counties and cities, so no real county's figures are implied. No ID numbers, no phones.
 */

const surnames = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"]
const given = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力宁晨雪琳颖欣悦婷佳宇浩然子涵梓轩思远晓东海燕春梅冬青志国荣俊凯鹏飞婉清"]

/** A person's name: surname and one or two given-name characters. */
export const personName = (rng: Rng): string => rng.pick(surnames) + rng.pick(given) + (rng.chance(0.6) ? rng.pick(given) : "")

const places = [
  "城关", "城东", "城西", "城南", "城北", "河东", "河西", "山前", "湖滨", "桥头",
  "新村", "白沙", "青石", "柳林", "杏花", "桃园", "松岭", "竹溪", "梅岭", "石门",
  "龙泉", "凤鸣", "金桥", "银滩", "红星", "东风", "向阳", "新华", "和平", "团结",
  "光明", "实验", "育才", "启明", "明德", "朝阳", "胜利", "建设", "友谊", "长安"
]
const schoolKinds = ["小学", "中学", "中心小学", "初级中学", "第二小学", "第二中学", "九年制学校", "高级中学"]

/** The kind of school decides its party groups: grade teams differ between primary and secondary schools. */
export type SchoolKind = "primary" | "secondary"

/** The `index`-th school of a county (unique within it for the first 320). */
export const schoolName = (index: number): { readonly name: string; readonly kind: SchoolKind } => {
  const suffix = schoolKinds[Math.floor(index / places.length) % schoolKinds.length]!
  const round = Math.floor(index / (places.length * schoolKinds.length))
  return {
    name: `${places[index % places.length]}${round === 0 ? "" : `第${round + 1}`}${suffix}`,
    kind: suffix.includes("小学") ? "primary" : "secondary"
  }
}

/** Party groups on the teams of a school: grade teams (年级组) first, then subject teams (教研组). */
export const teamGroups = (kind: SchoolKind): ReadonlyArray<{ readonly name: string; readonly basis: "grade" | "subject" }> => [
  ...(kind === "primary" ? ["低年级组", "中年级组", "高年级组"] : ["七年级组", "八年级组", "九年级组"]).map((t) => ({ name: `${t}党小组`, basis: "grade" as const })),
  ...["语文教研组", "数学教研组", "综合教研组"].map((t) => ({ name: `${t}党小组`, basis: "subject" as const }))
]

/** The names of the appointed committees: 示范省委教育工委, 示范3市委教育工委, 示范17县委教育工委. */
export const committeeName = (level: "province" | "city" | "county", number: number, only: boolean): string => {
  const place = level === "province" ? "示范省" : `示范${only ? "" : number}${level === "city" ? "市" : "县"}`
  return `${place}委教育工委`
}
