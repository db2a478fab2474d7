// `npm run lint` step: validate manifest.yml offline and exit non-zero on any problem.
import { checkManifest } from './lint/manifest-check';

async function main(): Promise<void> {
  const problems = await checkManifest(process.cwd());
  for (const p of problems) console.error(`manifest.yml${p.line ? `:${p.line}` : ''} [${p.check}] ${p.message}`);
  if (problems.length > 0) {
    console.error(`manifest: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log('manifest: valid (Forge schema, trigger scopes, event names, handler exports)');
}

main().catch((error: unknown) => {
  console.error(`manifest: validation could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
