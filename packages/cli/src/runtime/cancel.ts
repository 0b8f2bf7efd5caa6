// Ctrl-C cancels the running API call (and any backoff wait) through an AbortSignal, so
// the command can end with a clear message and exit code 130. A second Ctrl-C exits now.
import { ExitCode } from './exit-codes';

const controller = new AbortController();
let installed = false;

export function cancelSignal(): AbortSignal {
  if (!installed) {
    installed = true;
    process.on('SIGINT', () => {
      if (controller.signal.aborted) process.exit(ExitCode.cancelled);
      controller.abort();
    });
  }
  return controller.signal;
}
