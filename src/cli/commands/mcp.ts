/** `k8s-days mcp`: an MCP server on stdin/stdout for desktop chat clients. */
import { AppError } from "../../errors.ts";
import { EXIT, type Command } from "../command.ts";

/** `k8s-days mcp`: serves MCP on stdin/stdout, as the learner of K8S_DAYS_TOKEN when set. */
export const mcpCommand: Command = {
  name: "mcp",
  summary: "Serve the Model Context Protocol on stdin/stdout (for desktop chat clients)",
  usage: "mcp",
  help: [
    "Serves MCP over stdio on the database named by DATABASE_URL: content tools for everyone, and with",
    "K8S_DAYS_TOKEN=<a learner's token> the progress tools for that learner. Stdout carries only the",
    "protocol; logs go to stderr. Runs until the client closes stdin.",
  ].join("\n"),
  options: {},
  positionals: [0, 0],
  async run({ services, stderr }) {
    // Loaded here, not at the top: every other command (and --help) starts without the MCP server.
    const [s, { serveMcpOverStdio, stdioLearner }] = await Promise.all([services(), import("../../mcp/stdio.ts")]);
    let viewer: Awaited<ReturnType<typeof stdioLearner>>;
    try {
      viewer = await stdioLearner(s, s.deps.config.K8S_DAYS_TOKEN);
    } catch (err) {
      s.deps.contentVersion.stop();
      if (!(err instanceof AppError)) throw err;
      stderr.write(`k8s-days mcp: K8S_DAYS_TOKEN was refused: ${err.message}\n`);
      return EXIT.FAILURE;
    }
    await serveMcpOverStdio(s, viewer);
    return EXIT.OK;
  },
};
