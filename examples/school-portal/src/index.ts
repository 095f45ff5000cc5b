/**
 * @zhibu/example-school-portal — the school party-branch portal as a mountable Hono app.
 *
 * ```ts
 * import { createPortal, storeRuntime } from "@zhibu/example-school-portal"
 * const portal = createPortal({ run: store.run, school, workdays: chinaWorkdays, basePath: "/party", identify })
 * host.route("/", portal)            // a Hono host; any other server calls portal.fetch(request)
 * ```
 */
export { createPortal, type PortalOptions } from "./app.js"
export { type ActingUser, DEMO_TENANT, type DemoSchool, demoActors, loadDemoSchool, type PortalSchool, type RoleKey, roleKeys } from "./demo.js"
export { type StoreRunner, type StoreRuntime, storeRuntime } from "./runtime.js"
export { type SeedOptions, type SeedReport, seedDemoSchool } from "./seed/index.js"
export { PortInUse, type RunningPortal, type ServeOptions, servePortal } from "./server.js"
