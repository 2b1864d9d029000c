// Validates a GitHub Actions workflow with GitHub's own parser (@actions/workflow-parser).
// It runs as a separate Node process because the parser ships as ESM only, with an
// `import`-only export map that Jest's CommonJS resolver cannot load.
// The parser also imports its JSON schema without an import attribute (it expects a
// bundler), so a loader hook adds `type: json` to JSON imports.
// Input: the workflow YAML on stdin. Output: a JSON array of error messages on stdout.
import { register } from 'node:module';

const jsonImportHook = `
  export async function load(url, context, nextLoad) {
    if (url.endsWith('.json')) {
      return nextLoad(url, { ...context, importAttributes: { type: 'json' } });
    }
    return nextLoad(url, context);
  }`;
register(`data:text/javascript,${encodeURIComponent(jsonImportHook)}`);

const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } =
  await import('@actions/workflow-parser');

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const content = Buffer.concat(chunks).toString('utf8');

const parsed = parseWorkflow(
  { name: 'infrastructure.yaml', content },
  new NoOperationTraceWriter(),
);
const errors = parsed.context.errors.getErrors().map(e => e.message);
if (errors.length === 0 && parsed.value) {
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  errors.push(...(template.errors ?? []).map(e => e.Message ?? String(e)));
}
process.stdout.write(JSON.stringify(errors));
