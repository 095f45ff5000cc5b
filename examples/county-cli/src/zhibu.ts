import { CommanderError } from "commander"
import { ExitCode } from "./options.js"
import { buildProgram } from "./program.js"
import { reportFailure } from "./session.js"

/**
 * `zhibu` — the entry point: parses the command line, runs the subcommand, and sets the exit
 * status (0 ok, 1 problems found, 2 wrong usage, 3 could not run).
 */
const main = async (argv: ReadonlyArray<string>): Promise<ExitCode> => {
  let status: ExitCode = ExitCode.ok
  const program = buildProgram((code) => {
    status = code
  })
  try {
    await program.parseAsync([...argv])
    return status
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with status 0; every other parse error is wrong usage (commander printed it).
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage
    }
    return reportFailure(error)
  }
}

// A reader that stops early (`zhibu export dues -o - | head`) is not an error of the command.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0)
  throw error
})

main(process.argv).then((code) => {
  process.exitCode = code
})
