// The list of commands; adding a command is a new file and a line here.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { adminCommand } from './admin.js';
import { adviseCommand } from './advise.js';
import { auditCommand } from './audit.js';
import { buildSiteCommand } from './build-site.js';
import { capabilityCommand } from './capability.js';
import { changesCommand } from './changes.js';
import { classifyCommand } from './classify.js';
import { exportCommand } from './export.js';
import { gapCommand } from './gap.js';
import { importCommand } from './import.js';
import { licenseCommand } from './license.js';
import { reviewCommand } from './review.js';
import { scanCommand } from './scan.js';
import { serveCommand } from './serve.js';
import { statsCommand } from './stats.js';
import { submitCommand } from './submit.js';
import { tableCommand } from './table.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly ((program: Command, ctx: Context) => Command)[] = [
  validateCommand,
  classifyCommand,
  tableCommand,
  licenseCommand,
  auditCommand,
  statsCommand,
  importCommand,
  exportCommand,
  scanCommand,
  adviseCommand,
  gapCommand,
  capabilityCommand,
  serveCommand,
  buildSiteCommand,
  submitCommand,
  reviewCommand,
  changesCommand,
  adminCommand,
];
