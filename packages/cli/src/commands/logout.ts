import type { Command } from 'commander';
import { action } from '../runtime/action';
import { configFile, removeConfig } from '../runtime/config';
import { info } from '../runtime/io';

export function register(program: Command): void {
  program
    .command('logout')
    .description('Forget the stored management credential')
    .action(
      action(async () => {
        if (removeConfig()) info(`Logged out: removed ${configFile()}.`);
        else info('Not logged in: nothing to remove.');
        if (process.env.PHQ_MANAGEMENT_TOKEN) info('note: PHQ_MANAGEMENT_TOKEN is still set in this environment.');
      }),
    );
}
