import type { Child } from "hono/jsx"
import type { ActingUser, RoleKey } from "../demo.js"
import type { ShownError } from "./format.js"

export type Section = "dashboard" | "meetings" | "members" | "ledgers" | "plan" | "reports" | "county" | "audit"

const sections: ReadonlyArray<{ readonly key: Section; readonly path: string; readonly label: string }> = [
  { key: "dashboard", path: "/", label: "工作台" },
  { key: "meetings", path: "/meetings", label: "会议" },
  { key: "members", path: "/members", label: "发展党员" },
  { key: "ledgers", path: "/ledgers", label: "台账" },
  { key: "plan", path: "/plan", label: "年度计划" },
  { key: "reports", path: "/reports", label: "报表" },
  { key: "county", path: "/county", label: "县级汇总" },
  { key: "audit", path: "/audit", label: "操作记录" }
]

/** What every page knows: where the app is mounted, who is acting, and the day. */
export interface PageContext {
  readonly base: string
  readonly user: ActingUser
  /** The roles offered by the switcher (empty when the host decides who is acting). */
  readonly roles: ReadonlyArray<ActingUser>
  readonly today: string
  readonly branchName: string
  /** The sections the acting role can use (the others are left out of the menu). */
  readonly sections: ReadonlySet<Section>
}

/** A link inside the app: the home page is the mount path itself (`/party`, or `/` at the root). */
export const href = (ctx: PageContext, path: string): string => (path === "/" && ctx.base !== "" ? ctx.base : `${ctx.base}${path}`)

export const Layout = (props: { readonly ctx: PageContext; readonly title: string; readonly section: Section; readonly children?: Child }) => {
  const { ctx } = props
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · 支部工作台`}</title>
        <link rel="stylesheet" href={href(ctx, "/assets/portal.css")} />
        <script src={href(ctx, "/assets/portal.js")} defer></script>
      </head>
      <body>
        <header class="top">
          <a class="brand" href={href(ctx, "/")}>
            支部工作台
          </a>
          <span class="school">
            {ctx.branchName} · 今天 {ctx.today}
          </span>
          {ctx.roles.length > 0 ? (
            <form class="role" method="post" action={href(ctx, "/role")}>
              <label for="role-select">当前身份</label>
              <select id="role-select" name="role" data-testid="role-select">
                {ctx.roles.map((r) => (
                  <option value={r.key} selected={r.key === ctx.user.key}>
                    {r.label}
                  </option>
                ))}
              </select>
              <noscript>
                <button type="submit">切换</button>
              </noscript>
            </form>
          ) : (
            <span class="school">{ctx.user.label}</span>
          )}
        </header>
        <nav class="main">
          {sections
            .filter((s) => ctx.sections.has(s.key))
            .map((s) => (
              <a href={href(ctx, s.path)} class={s.key === props.section ? "active" : ""}>
                {s.label}
              </a>
            ))}
        </nav>
        <main>{props.children}</main>
        <footer class="foot">
          {ctx.user.label}（{ctx.user.actor.personId}）：{ctx.user.description}。演示数据由 @zhibu/testing 生成，人名均为虚构。
        </footer>
      </body>
    </html>
  )
}

/** An error a service returned, as the page shows it: the sentence, and the rule and dates when a rule refused. */
export const ErrorBox = (props: { readonly error: ShownError }) => (
  <div class="alert error" role="alert" data-testid="error">
    <strong>{props.error.title}：</strong>
    {props.error.text}
    {props.error.allowedFrom !== undefined ? (
      <span class="rule" data-testid="allowed-from">
        规则允许的最早日期：{props.error.allowedFrom}
      </span>
    ) : null}
    {props.error.allowedUntil !== undefined ? <span class="rule">规则允许的最晚日期：{props.error.allowedUntil}</span> : null}
    {props.error.ruleId !== undefined && !props.error.text.includes(props.error.ruleId) ? <span class="rule">规则编号：{props.error.ruleId}</span> : null}
  </div>
)

export const Notice = (props: { readonly text: string }) => (
  <div class="alert ok" role="status" data-testid="notice">
    {props.text}
  </div>
)

/** A section the acting role may not read: the service's own refusal, shown in place of the content. */
export const Refused = (props: { readonly error: ShownError }) => (
  <div class="card">
    <ErrorBox error={props.error} />
  </div>
)

export type { RoleKey }
