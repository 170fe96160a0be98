/**
 * The process entry of `sigscope` (imported by bin/sigscope.js): gives the engine node:crypto, runs the CLI on the
 * process's arguments and sets the exit code, leaving Node to exit once the output is flushed.
 */

import { setCryptoBackend } from '../lib/sig/crypto';
import { run } from './main';
import { nodeCryptoBackend } from './node-crypto';
import { nodeIo } from './node-io';

setCryptoBackend(nodeCryptoBackend);

process.exitCode = await run(process.argv.slice(2), nodeIo());
