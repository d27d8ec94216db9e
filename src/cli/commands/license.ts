// howopen license: one license's five rights with their clauses, its points under both readings, its obligations.
import type { Command } from 'commander';
import { lookupLicense, resolveLicense, suggestLicenses } from '../../core/expression.js';
import { licenseReport, licenseScores, modelsUsing } from '../../core/license-use.js';
import { type License, OBLIGATIONS, READINGS, RIGHTS } from '../../core/licenses.js';
import type { Registry } from '../../core/registry.js';
import type { Context } from '../context.js';
import { InputError, choice, json, textTable } from '../output.js';

export function licenseCommand(program: Command, ctx: Context): Command {
  return program.command('license')
    .description('a license: its five rights with clauses, points and restrictiveness under both readings, obligations')
    .argument('<license>', 'a license id or alias (SPDX id, Hugging Face id, or a name as written in the wild)')
    .option('--format <format>', 'text or json', 'text')
    .addHelpText('after', '\nExamples:\n  howopen license llama2\n  howopen license "CC BY-SA-4.0" --format json')
    .action(async (name: string, opts: { format: string }) => {
      const format = choice(opts.format, ['text', 'json'] as const, '--format');
      const registry = await ctx.registry();
      // Aliases match without punctuation: an expression ("((MIT)", "MIT OR Apache-2.0") is read as one, not as an alias.
      if (/[()]|\s(AND|OR|WITH)\s/.test(name)) {
        const resolved = resolveLicense(name, registry.index);
        if (!resolved.ok) throw new InputError(resolved.error);
        if (!('license' in resolved.tree) || resolved.tree.exception || resolved.tree.orLater) {
          throw new InputError(`"${name}" is a license expression (${resolved.expression}); howopen license shows one license: give one of its ids`);
        }
      }
      const license = lookupLicense(name, registry.index);
      if (!license) {
        const s = suggestLicenses(name, registry.index);
        throw new InputError(`no license "${name}" in the knowledge base${s.length ? ` (did you mean ${s.join(', ')}?)` : ''}`);
      }
      ctx.io.out(format === 'json' ? json(licenseJson(license, registry)) : licenseText(license, registry));
    });
}

function licenseJson(license: License, registry: Registry) {
  return licenseReport(license, modelsUsing(license, registry));
}

function licenseText(license: License, registry: Registry): string {
  const scores = licenseScores(license);
  const lines = [
    `${license.name} (${license.id}), version ${license.version}`,
    `${license.url}`,
    `Kind: ${license.kind}. SPDX: ${license.spdx ?? 'not on the SPDX list'}. OSI approved: ${license.osi_approved ? 'yes' : 'no'}. ${license.derived ? `Rights derived from category ${license.derived.categories.join(' and ')} (${license.derived.why.join('; ')}; data: ${license.derived.source}), not from the license text.` : `Clauses checked against: ${license.verified === 'text' ? 'the license text' : license.verified === 'quotes' ? 'quotes only' : 'not checked'}.`}`,
    '',
    textTable(['Right', 'Grant', 'Clause'], RIGHTS.map((r) => [r.name, license.rights[r.key].grant, license.rights[r.key].clause])),
    '',
    ...READINGS.map((r) => `${r.padEnd(7)} reading: ${scores[r].points} points → ${scores[r].restrictiveness} → code ${scores[r].code}, data ${scores[r].data}`),
    '',
    'Obligations:',
    ...OBLIGATIONS.map((o) => `  ${o.name}: ${license.obligations[o.key] === false ? 'none' : license.obligations[o.key]}`),
  ];
  if (license.aliases.length) lines.push('', `Also written as: ${license.aliases.join(', ')}`);
  const models = modelsUsing(license, registry);
  if (models.length) lines.push(`Used by: ${models.join(', ')}`);
  if (license.notes) lines.push('', license.notes);
  return lines.join('\n');
}
