// Small but well-formed files of every kind an evidence upload accepts, made here byte by byte
// (nothing downloaded): the signatures domain/file-type.ts reads, in the layout real files have.
const enc = new TextEncoder();

function concat(parts: (Uint8Array | number[])[]): Uint8Array {
  const all = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const le16 = (v: number) => [v & 0xff, (v >>> 8) & 0xff];
const le32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A ZIP of stored (uncompressed) entries, with its central directory, as Office writes them. */
export function zip(entries: Record<string, string>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const n = enc.encode(name);
    const data = enc.encode(text);
    const crc = crc32(data);
    const common = [...le16(20), ...le16(0), ...le16(0), ...le16(0), ...le16(0), ...le32(crc), ...le32(data.length), ...le32(data.length), ...le16(n.length), ...le16(0)];
    const local = concat([le32(0x04034b50), common, n, data]);
    centrals.push(concat([le32(0x02014b50), le16(20), common, le16(0), le16(0), le16(0), le32(0), le32(offset), n]));
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(centrals);
  const end = concat([le32(0x06054b50), le16(0), le16(0), le16(centrals.length), le16(centrals.length), le32(directory.length), le32(offset), le16(0)]);
  return concat([...locals, directory, end]);
}

const officeXml = (folder: string) =>
  zip({ '[Content_Types].xml': '<?xml version="1.0"?><Types/>', '_rels/.rels': '<Relationships/>', [`${folder}/document.xml`]: '<doc/>' });

/** An OLE2 compound file (512-byte sectors): sector 0 the FAT, sector 1 the directory with these streams. */
export function compound(streams: string[]): Uint8Array {
  const header = new Uint8Array(512).fill(0);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  header.set(le16(0x3e), 0x18);
  header.set(le16(3), 0x1a);
  header.set([0xfe, 0xff], 0x1c);
  header.set(le16(9), 0x1e); // 512-byte sectors
  header.set(le16(6), 0x20);
  header.set(le32(1), 0x2c); // one FAT sector
  header.set(le32(1), 0x30); // the directory starts at sector 1
  header.set(le32(0x1000), 0x38);
  header.set(le32(0xfffffffe), 0x3c);
  header.set(le32(0xfffffffe), 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.set(le32(0xffffffff), 0x4c + i * 4);
  header.set(le32(0), 0x4c); // the FAT is sector 0
  const fat = new Uint8Array(512).fill(0xff);
  fat.set(le32(0xfffffffd), 0); // sector 0: a FAT sector
  fat.set(le32(0xfffffffe), 4); // sector 1: the directory, one sector
  const dir = new Uint8Array(512).fill(0);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const e = i * 128;
    for (let c = 0; c < name.length; c++) dir.set(le16(name.charCodeAt(c)), e + c * 2);
    dir.set(le16((name.length + 1) * 2), e + 0x40);
    dir[e + 0x42] = i === 0 ? 5 : 2;
  });
  return concat([header, fat, dir]);
}

/** A one-page PDF a reader opens (its cross-reference table is approximate; readers repair it). */
export function pdf(text = 'ITA evidence'): Uint8Array {
  const body = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length ${31 + text.length} >> stream
BT /F1 12 Tf 20 50 Td (${text}) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R /Size 6 >>
%%EOF
`;
  return enc.encode(body);
}

/** One sample per accepted kind, with the name a person would give it and the type served. */
export const SAMPLES = {
  pdf: { bytes: pdf(), name: 'รายงานผล.pdf', type: 'application/pdf' },
  png: { bytes: concat([[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], le32(0x0d000000), enc.encode('IHDR'), new Uint8Array(17)]), name: 'photo.png', type: 'image/png' },
  jpeg: { bytes: concat([[0xff, 0xd8, 0xff, 0xe0], le16(0x1000), enc.encode('JFIF\0'), new Uint8Array(20), [0xff, 0xd9]]), name: 'photo.jpeg', type: 'image/jpeg' },
  gif: { bytes: concat([enc.encode('GIF89a'), le16(1), le16(1), new Uint8Array(10), [0x3b]]), name: 'chart.gif', type: 'image/gif' },
  webp: { bytes: concat([enc.encode('RIFF'), le32(30), enc.encode('WEBPVP8 '), le32(18), new Uint8Array(18)]), name: 'chart.webp', type: 'image/webp' },
  docx: { bytes: officeXml('word'), name: 'คำสั่ง.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { bytes: officeXml('xl'), name: 'budget.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { bytes: officeXml('ppt'), name: 'slides.pptx', type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  doc: { bytes: compound(['WordDocument', '1Table']), name: 'memo.doc', type: 'application/msword' },
  xls: { bytes: compound(['Workbook']), name: 'sheet.xls', type: 'application/vnd.ms-excel' },
  ppt: { bytes: compound(['PowerPoint Document', 'Current User']), name: 'deck.ppt', type: 'application/vnd.ms-powerpoint' },
} as const;
