// The names a source module exports, read with the TypeScript compiler (re-exports included).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.cjs'];

export function listModuleExports(srcDir: string, moduleName: string): Set<string> | null {
  const file = EXTENSIONS.map((ext) => join(srcDir, moduleName + ext)).find((f) => existsSync(f));
  if (!file) return null;
  const program = ts.createProgram([file], {
    allowJs: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const symbol = source && checker.getSymbolAtLocation(source);
  if (!symbol) return new Set();
  return new Set(checker.getExportsOfModule(symbol).map((s) => s.getName()));
}
