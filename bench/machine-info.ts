// What the numbers were measured on: they only mean something beside it.
import os from 'node:os';
import Sqlite from 'better-sqlite3';

export interface MachineInfo {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  sqlite: string;
  os: string;
  date: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews every figure. */
  loadStart: number;
  loadEnd?: number;
}

export function machineInfo(): MachineInfo {
  const db = new Sqlite(':memory:');
  const sqlite = (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  db.close();
  return {
    cores: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    sqlite,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadStart: os.loadavg()[0]!,
  };
}
