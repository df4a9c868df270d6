// Progress for long work (sync, bulk ingest): a cli-progress bar on a terminal, plain
// one-line-per-item output otherwise (logs, cron mail, CI), so both read well.
import cliProgress from 'cli-progress';

export interface ProgressReporter {
  start(total: number, unit: string): void;
  /** Moves the bar to `done` and shows `status` beside it (plain mode prints nothing here). */
  update(done: number, status: string): void;
  /** A line that must stay on screen: a failure, a retry, a finished company in plain mode. */
  log(line: string): void;
  stop(): void;
}

export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : plainReporter(stream);
}

function plainReporter(stream: NodeJS.WritableStream): ProgressReporter {
  return {
    start: () => undefined,
    update: () => undefined,
    log: (line) => void stream.write(line + '\n'),
    stop: () => undefined,
  };
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const multi = new cliProgress.MultiBar(
    { stream, format: ' {bar} {value}/{total} {unit} | {status}', hideCursor: true, clearOnComplete: false, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(total, unit) {
      bar = multi.create(total, 0, { unit, status: '' });
    },
    update(done, status) {
      bar?.update(done, { status: status.length > 60 ? status.slice(0, 59) + '…' : status });
    },
    log(line) {
      multi.log(line + '\n');
    },
    stop() {
      multi.stop();
    },
  };
}
