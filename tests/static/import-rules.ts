// The import rules between the project's rooms, checked on the source as TypeScript parses it.
// domain/ is pure: it imports nothing of the project outside domain/, and no framework or driver.
// db/ reads and writes: it never imports routes, middleware or hono, nor domain/policy.ts (it asks
// the decisions a route hands it, domain/access.ts). email/ (and line/, for LINE) only composes and sends messages: it
// never touches the database (no db/, no drizzle), nor the rooms that call it. routes/ compose:
// they call db/ and domain/, and build no query themselves (no drizzle-orm). The Worker never imports the
// web app; the web app takes from the Worker only worker/domain/ (the contract: request schemas and
// answer types) and, as types the build erases, the sub-apps of worker/routes/ its typed client (hc)
// is built from; never db/, middleware/ or anything else of the Worker.
import ts from 'typescript';
import { posix } from 'node:path';

export interface ImportFact {
  from: string;
  specifier: string;
  /** Project-relative path the specifier points at (no extension), or null for a package. */
  target: string | null;
  typeOnly: boolean;
  /** An `import()` expression (loaded when called, in a chunk of its own in the web build). */
  dynamic: boolean;
}

export function importsOf(file: string, source: string): ImportFact[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const facts: ImportFact[] = [];
  const add = (specifier: string, typeOnly: boolean, dynamic = false) => {
    const target = specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)) : null;
    facts.push({ from: file, specifier, target, typeOnly, dynamic });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allNamedTypes =
        !!clause && !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier.text, !!clause && (clause.isTypeOnly || allNamedTypes));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) add(arg.text, false, true);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return facts;
}

const under = (path: string | null, dir: string) => path !== null && (path === dir || path.startsWith(`${dir}/`));
const FRAMEWORKS = /^(hono|@hono\/|drizzle-orm|cloudflare:)/;

/** The broken rules of one import, as sentences (empty when it is allowed). */
export function brokenRules(f: ImportFact): string[] {
  const out: string[] = [];
  if (under(f.from, 'worker/domain')) {
    if (f.target !== null && !under(f.target, 'worker/domain')) out.push('domain/ imports nothing of the project outside domain/');
    if (f.target === null && FRAMEWORKS.test(f.specifier)) out.push('domain/ imports no framework or driver (hono, drizzle, cloudflare:)');
  }
  if (under(f.from, 'worker/db')) {
    if (under(f.target, 'worker/routes') || under(f.target, 'worker/middleware')) out.push('db/ never imports routes or middleware');
    if (f.target === null && /^(hono|@hono\/)/.test(f.specifier)) out.push('db/ never imports hono');
    if (f.target === 'worker/domain/policy') out.push('db/ never imports domain/policy.ts: it asks the decisions a route hands it (domain/access.ts)');
  }
  // line/ is email/'s sibling for LINE (issue 17): it composes pushes and speaks LINE's API only.
  for (const room of ['email', 'line']) {
    if (!under(f.from, `worker/${room}`)) continue;
    if (under(f.target, 'worker/db') || (f.target === null && /^drizzle-orm/.test(f.specifier))) out.push(`${room}/ never touches the database (db/, drizzle)`);
    if (['worker/cron', 'worker/routes', 'worker/middleware'].some((d) => under(f.target, d))) out.push(`${room}/ never imports the rooms that compose it (cron, routes, middleware)`);
  }
  if (under(f.from, 'worker/routes') && f.target === null && /^drizzle-orm/.test(f.specifier))
    out.push('routes/ compose: they ask named functions of db/ and build no query (no drizzle-orm)');
  if (under(f.from, 'worker') && under(f.target, 'web')) out.push('the Worker never imports the web app');
  if (under(f.from, 'web/src') && under(f.target, 'worker') && !under(f.target, 'worker/domain')) {
    // The contract lives in domain/ (schemas and answer types); the routes lend only their types, to hc.
    if (!under(f.target, 'worker/routes')) out.push('the web app takes from the Worker only worker/domain/ (and the route types)');
    else if (!f.typeOnly) out.push('the web app takes only types from worker/routes/ (for the typed client)');
  }
  if (under(f.from, 'web/src') && under(f.target, 'worker/domain/schemas') && !f.typeOnly)
    out.push('the web app takes only the types of the request schemas (zod stays out of its bundle)');
  if (under(f.from, 'web/src') && f.target !== null && /(^|\/)messages\/[\w-]+\.en$/.test(f.target) && !f.dynamic && !f.typeOnly)
    out.push('an English dictionary is loaded with import() (a chunk of its own, fetched when English is on)');
  return out;
}
