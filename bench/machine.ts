// Describes the machine a benchmark ran on: cores, memory, CPU model and Node version.
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  /** The number of cores this process may use, as `nproc` prints it. */
  cores: number;
  totalMemoryBytes: number;
  cpuModel: string;
  nodeVersion: string;
  platform: string;
}

/** Reads the machine description; the CPU model comes from /proc/cpuinfo where it exists, else from os.cpus(). */
export function describeMachine(): Machine {
  return {
    cores: os.availableParallelism(),
    totalMemoryBytes: os.totalmem(),
    cpuModel: cpuModel(),
    nodeVersion: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** Formats the machine as one line: `2 cores, 23.4 GiB memory, AMD EPYC, Node v20.20.2, Linux 6.1 x64`. */
export function formatMachine(machine: Machine): string {
  const gibibytes = (machine.totalMemoryBytes / 2 ** 30).toFixed(1);
  return `${machine.cores} cores, ${gibibytes} GiB memory, ${machine.cpuModel}, Node ${machine.nodeVersion}, ${machine.platform}`;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((candidate) => candidate.startsWith('model name'));
    const model = line?.split(':')[1]?.trim();
    if (model) return model;
  } catch {
    // No /proc on this system: fall back to what Node reports.
  }
  return os.cpus()[0]?.model ?? 'unknown CPU';
}
