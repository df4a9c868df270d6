#!/usr/bin/env node
import { main } from './main.js';
import { exitQuietlyOnClosedPipe } from './closed-pipe.js';

exitQuietlyOnClosedPipe();
process.exitCode = await main(process.argv);
