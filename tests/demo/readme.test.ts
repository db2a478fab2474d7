// The README's users table is what people sign in with: it must match the generated people exactly.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SWITCHER_ACCOUNT_IDS } from '../../local/demo/company';
import { demoPeople } from '../../local/demo/generate';

describe('local/demo/README.md', () => {
  const readme = readFileSync(join(__dirname, '../../local/demo/README.md'), 'utf8');
  const rows = readme.split('\n').filter((line) => /^\| [A-Z][a-z]+ [A-Z]/.test(line) && line.includes('@'));

  it('lists every demo person once with their email and time zone, and nobody else', () => {
    const people = demoPeople();
    expect(rows).toHaveLength(people.length);
    for (const p of people) {
      const row = rows.find((r) => r.includes(`| ${p.email} |`));
      expect(row).toBeDefined();
      expect(row).toContain(`| ${p.name}`);
      expect(row).toContain(`| ${p.timeZone} |`);
    }
  });

  it('stars exactly the people of the user switcher: one per role', () => {
    const people = demoPeople();
    const starred = rows.filter((r) => r.includes('★')).map((r) => people.find((p) => r.includes(`| ${p.email} |`))?.accountId);
    expect(starred.sort()).toEqual([...SWITCHER_ACCOUNT_IDS].sort());
    const roles = SWITCHER_ACCOUNT_IDS.map((id) => people.find((p) => p.accountId === id)?.role);
    expect(new Set(roles)).toEqual(new Set(['admin', 'service-manager', 'engineer', 'customer']));
  });
});
