/**
 * `k8s-days learner create <handle> [--name <display name>] [--timezone <IANA zone>] [--admin] [--json]`:
 * registers a learner (even when open registration is off), enrols them from today
 * and prints their token once.
 */
import { describeProfileIssues } from "../../modules/learners/learners.service.ts";
import { isValidTimeZone, timeZoneIssue } from "../../modules/progress/calendar.ts";
import { EXIT, printJson, type Command } from "../command.ts";

/** `k8s-days learner create HANDLE`: creates a learner (even with registration closed) and prints its token once. */
export const learnerCommand: Command = {
  name: "learner",
  summary: "Create a learner and print their access token (learner create <handle>)",
  usage: "learner create <handle> [--name <display name>] [--timezone <zone>] [--admin] [--json]",
  help: [
    "Registers a learner, enrols them in #66DaysOfK8s starting today in their time zone,",
    "and prints a personal access token. The token is shown only this once; only its hash is stored.",
    "Works when OPEN_REGISTRATION is false. --admin gives the ADMIN role.",
  ].join("\n"),
  options: { name: { type: "string" }, timezone: { type: "string" }, admin: { type: "boolean" }, json: { type: "boolean" } },
  positionals: [2, 2],
  argumentNames: ["ACTION", "HANDLE"],
  async run({ positionals, values, stdout, stderr, services }) {
    const [action, handle] = positionals as [string, string];
    if (action !== "create") {
      stderr.write(`k8s-days learner: unknown action "${action}" (expected: create)\n`);
      return EXIT.USAGE;
    }
    // Checked before the database opens, in the API's own words.
    if (typeof values.timezone === "string" && !isValidTimeZone(values.timezone)) {
      stderr.write(`k8s-days learner: ${describeProfileIssues([timeZoneIssue(values.timezone)])}\n`);
      return EXIT.USAGE;
    }
    const s = await services();
    const { learner, token, recoveryCode } = await s.learners.register(
      {
        handle,
        displayName: typeof values.name === "string" ? values.name : undefined,
        timezone: typeof values.timezone === "string" ? values.timezone : undefined,
        role: values.admin ? "ADMIN" : "LEARNER",
      },
      { trusted: true },
    );
    // Same shape as POST /api/v1/learners: `token` is the secret itself.
    if (values.json) printJson(stdout, { learner, token: token.token, tokenInfo: { id: token.id, name: token.name, prefix: token.prefix }, recoveryCode });
    else {
      stdout.write(`Created ${learner.role.toLowerCase()} ${learner.handle} (${learner.displayName}, ${learner.timezone}).\n`);
      stdout.write(`Token (shown once, store it now):\n${token.token}\n`);
      stdout.write(`Recovery code (shown once; trade it with your handle at POST /api/v1/sessions for a new token):\n${recoveryCode}\n`);
    }
    return EXIT.OK;
  },
};
