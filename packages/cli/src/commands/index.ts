// The command registry: each command lives in its own file and exports one `register`.
// Add a command by adding its import and one entry below.
import type { Command } from 'commander';

export type Register = (program: Command) => void;

export const commands: Register[] = [];
