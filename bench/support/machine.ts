import { availableParallelism, cpus, loadavg, release, totalmem, type as osType } from 'node:os';

/** The machine a run was measured on. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** ISO 8601 UTC time the run started. */
  date: string;
  /** 1, 5 and 15 minute load averages when the run started, a hint of other work on the machine. */
  loadAverage: number[];
}

export function describeMachine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    os: `${osType()} ${release()} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverage: loadavg(),
  };
}
