// Reads the AWS provider's schema from the .jsii file of @cdktf/provider-aws (generated from `terraform providers
// schema` of the provider version in its docs links) and prints what the schema check needs:
// {"provider_version", "resources": {type: config}, "data": {type: config}, "provider": config,
//  "types": {config: {argument: {"required": bool, "block": config-or-null}}}}.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jsii = JSON.parse(readFileSync(require.resolve('@cdktf/provider-aws/.jsii'), 'utf8'));
const types = jsii.types;
const out = { provider_version: null, resources: {}, data: {}, provider: null, types: {} };

const blockOf = (type) => {
  if (!type) return null;
  if (type.fqn && types[type.fqn]?.datatype) return type.fqn;
  if (type.collection) return blockOf(type.collection.elementtype);
  if (type.union) return type.union.types.map(blockOf).find((fqn) => fqn) ?? null;
  return null;
};

const snake = (property) => {
  const anchor = /#([a-z0-9_]+) /.exec(property.docs?.summary ?? '');
  return anchor ? anchor[1] : property.name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
};

const describe = (fqn) => {
  if (out.types[fqn]) return;
  const args = {};
  out.types[fqn] = args;
  for (const property of types[fqn].properties ?? []) {
    const block = blockOf(property.type);
    args[snake(property)] = { required: !property.optional, block };
    if (block) describe(block);
  }
};

for (const type of Object.values(types)) {
  if (type.kind !== 'class') continue;
  const link = /\{@link (https:\/\/registry\.terraform\.io\/providers\/hashicorp\/aws\/([0-9.]+)\/docs\/(resources|data-sources)\/[^ ]+) ([a-z0-9_]+)\}/
    .exec(type.docs?.summary ?? '');
  const config = type.initializer?.parameters?.find((parameter) => parameter.name === 'config')?.type?.fqn;
  if (type.base === 'cdktf.TerraformProvider' && config) {
    out.provider = config;
    describe(config);
  }
  if (!link || !config) continue;
  out.provider_version = link[2];
  (link[3] === 'resources' ? out.resources : out.data)[link[4]] = config;
  describe(config);
}
process.stdout.write(JSON.stringify(out));
