// A start-up that fails must say so: a packaged app has no console, so the reason goes into a native
// error box and into the log file in the user-data folder, and the app exits with status 1.

import { redactText } from '../../core/report/redact';
import type { AppPort, ErrorBoxPort } from '../platform/ports';

/** The error box's title. */
export const START_FAILED_TITLE = 'why500 could not start';

/** What telling a failed start needs. */
export interface StartFailureDeps {
  errorBox: ErrorBoxPort;
  app: Pick<AppPort, 'exit'>;
  /** Writes one line to the log file; false when it could not. */
  log: (line: string) => boolean;
  /** The log file's path, named in the error box. */
  logPath: string;
}

/** Writes the reason to the log file, shows it in an error box, and exits with status 1. */
export function explainFailedStart(error: unknown, deps: StartFailureDeps): void {
  const message = error instanceof Error ? error.message : String(error);
  const reason = redactText(message).replace(/\s+/g, ' ').trim().slice(0, 500) || 'an unknown error';
  const written = deps.log(`could not start: ${reason}`);
  const where = written
    ? `This message is also in the log file ${deps.logPath}.`
    : `It could not be written to the log file ${deps.logPath} either.`;
  deps.errorBox.showErrorBox(START_FAILED_TITLE, `${reason}\n\n${where}`);
  deps.app.exit(1);
}
