// Bundles each split description into dist/openapi/<name>.yaml and .json.
import { APIS, run } from './apis.mjs';

for (const { name } of APIS) {
  for (const ext of ['yaml', 'json']) {
    run('redocly', ['bundle', name, '--output', `dist/openapi/${name}.${ext}`], { quiet: true });
  }

  console.log(`Bundled ${name} into dist/openapi/${name}.yaml and .json`);
}
