import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The shape the lint rule cannot see whole, for an app whose `src/modules` holds one folder per
 * concept: each collection (model name) is injected by ONE repository, that repository sits in
 * the concept folder whose module registers the model, and no module hands its models to another
 * (exporting MongooseModule). ESLint keeps @InjectModel out of everything but repositories; this
 * keeps the repositories one per collection. Call it from a spec in the app's modules folder:
 *
 *   describeRepositoryShape('identity', __dirname, 8);
 *
 * `minModels`: how many registered models the app has at least (so a regex that stops matching
 * fails the spec instead of passing it empty).
 */
export function describeRepositoryShape(app: string, modulesDir: string, minModels: number): void {
  const sources = readdirSync(modulesDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => ({ path: relative(modulesDir, join(modulesDir, f)), text: readFileSync(join(modulesDir, f), 'utf8') }));
  const folderOf = (path: string) => path.split(/[\\/]/)[0];
  const matches = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1]);

  const injections = sources.flatMap((s) =>
    matches(s.text, /@InjectModel\(\s*([A-Z_]+)\s*\)/g).map((model) => ({ model, path: s.path })),
  );
  const registrations = sources
    .filter((s) => s.path.endsWith('.module.ts'))
    .flatMap((s) => matches(s.text, /\{\s*name:\s*([A-Z_]+)\s*,\s*schema:/g).map((model) => ({ model, path: s.path })));

  describe(`${app}: one repository per collection, owned by its module`, () => {
    it('finds the models it checks', () => {
      expect(registrations.length).toBeGreaterThanOrEqual(minModels);
    });

    it('injects a Model only in a *.repository.ts', () => {
      expect(injections.filter((i) => !i.path.endsWith('.repository.ts'))).toEqual([]);
    });

    it('injects each Model in exactly one repository', () => {
      const byModel = new Map<string, string[]>();
      for (const i of injections) byModel.set(i.model, [...(byModel.get(i.model) ?? []), i.path]);
      expect([...byModel].filter(([, paths]) => paths.length !== 1)).toEqual([]);
      expect([...byModel.keys()].sort()).toEqual(registrations.map((r) => r.model).sort());
    });

    it("registers each Model once, in the module of its repository's folder", () => {
      for (const r of registrations) {
        const repository = injections.find((i) => i.model === r.model);
        expect({ model: r.model, module: folderOf(r.path) }).toEqual({
          model: r.model,
          module: folderOf(repository?.path ?? '(no repository)'),
        });
      }
      expect(new Set(registrations.map((r) => r.model)).size).toBe(registrations.length);
    });

    it('never exports the models themselves (MongooseModule) to another module', () => {
      const exporting = sources.filter(
        (s) => s.path.endsWith('.module.ts') && /exports:[^\]]*MongooseModule/.test(s.text),
      );
      expect(exporting.map((s) => s.path)).toEqual([]);
    });
  });
}
