/**
 * The process entry of `sigscope` (imported by bin/sigscope.js): runs the CLI on the process's arguments and sets
 * the exit code, leaving Node to exit once the output is flushed.
 */

import { run } from './main';
import { nodeIo } from './node-io';

process.exitCode = await run(process.argv.slice(2), nodeIo());
