#!/usr/bin/env node
// Committed launcher: it exists when npm links binaries during `npm ci` (before `prepare` builds dist/).
require('../dist/bin.js');
