import { writeFileSync } from "node:fs"
import { Session } from "node:inspector/promises"

/** CPU-profiles `run` alone (not the data generation around it) and writes `<dir>/<name>.cpuprofile`. */
export const profiled = async <A>(dir: string | undefined, name: string, run: () => Promise<A>): Promise<A> => {
  if (dir === undefined) return run()
  const session = new Session()
  session.connect()
  await session.post("Profiler.enable")
  await session.post("Profiler.setSamplingInterval", { interval: 200 })
  await session.post("Profiler.start")
  try {
    return await run()
  } finally {
    const { profile } = await session.post("Profiler.stop")
    writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile))
    session.disconnect()
  }
}
