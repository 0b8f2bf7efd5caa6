// The command registry: each command lives in its own file and exports one `register`.
// Add a command by adding its import and one entry below.
import type { Command } from 'commander';
import { register as create } from './create';
import { register as del } from './delete';
import { register as list } from './list';
import { register as login } from './login';
import { register as logout } from './logout';
import { register as rename } from './rename';
import { register as keyring } from './keyring';
import { register as rotate } from './rotate';
import { register as run } from './run';
import { register as scan } from './scan';
import { register as scopes } from './scopes';
import { register as verify } from './verify';
import { register as whoami } from './whoami';

export type Register = (program: Command) => void;

export const commands: Register[] = [
  login,
  logout,
  whoami,
  scopes,
  list,
  create,
  rename,
  rotate,
  del,
  verify,
  scan,
  run,
  keyring,
];
