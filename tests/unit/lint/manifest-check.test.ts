// `npm run lint` must reject what Atlassian's validator lets through: unknown events, missing handler exports.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkManifest } from '../../../scripts/lint/manifest-check';
import { RESOURCES } from '../../../static/resources';

const repo = join(__dirname, '../../..');

function appWith(edit: (manifest: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  writeFileSync(join(dir, 'manifest.yml'), edit(readFileSync(join(repo, 'manifest.yml'), 'utf8')));
  symlinkSync(join(repo, 'src'), join(dir, 'src'));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(repo, 'locales'), join(dir, 'locales'));
  for (const resource of RESOURCES) {
    mkdirSync(join(dir, 'static/dist', resource), { recursive: true });
    cpSync(join(repo, 'static', resource, 'public/icon.svg'), join(dir, 'static/dist', resource, 'icon.svg'));
    writeFileSync(join(dir, 'static/dist', resource, 'index.html'), '<!doctype html><title>stub</title>');
  }
  return dir;
}

describe('manifest check', () => {
  const dirs: string[] = [];
  const check = async (edit: (m: string) => string) => {
    const dir = appWith(edit);
    dirs.push(dir);
    return checkManifest(dir);
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('accepts the app manifest', async () => {
    expect(await check((m) => m)).toEqual([]);
  });

  it('rejects a misspelled product event that Atlassian accepts', async () => {
    const problems = await check((m) => m.replace('avi:jira:updated:issue', 'avi:jira:created:wrklog'));
    expect(problems).toEqual([
      { check: 'event-names', message: "trigger 'issue-events': unknown product event 'avi:jira:created:wrklog'" },
    ]);
  });

  it('rejects a handler that src/index.ts does not export', async () => {
    const problems = await check((m) => m.replace('index.slaSweep', 'index.slaSweeep'));
    expect(problems).toEqual([
      {
        check: 'handler-exports',
        message: "function 'run-sla-sweep': handler 'index.slaSweeep' names 'slaSweeep', which src/index does not export",
      },
    ]);
  });

  it('reports what Atlassian validator finds, e.g. a trigger event without its scope', async () => {
    const problems = await check((m) => m.replace('    - read:jira-work\n', ''));
    expect(problems.some((p) => p.check === 'trigger-scopes' && p.message.includes('read:jira-work'))).toBe(true);
  });
});
