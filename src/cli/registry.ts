/** Every CLI command, by name. Add a command: write commands/<name>.ts and list it here. */
import type { Command } from "./command.ts";
import { importCommand } from "./commands/import.ts";
import { mcpCommand } from "./commands/mcp.ts";
import { learnerCommand } from "./commands/learner.ts";
import { seedCommand } from "./commands/seed.ts";
import { statsCommand } from "./commands/stats.ts";

/** The registered commands, in the order `--help` lists them. */
export const commands: Command[] = [importCommand, seedCommand, statsCommand, learnerCommand, mcpCommand];
