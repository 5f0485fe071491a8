import { env } from 'cloudflare:workers';
import { expect, it } from 'vitest';
it('has the schema', async () => {
  const r = await env.DB.prepare("select count(*) n from sqlite_master where name='cards'").first<{ n: number }>();
  expect(r?.n).toBe(1);
  const seg = [...new Intl.Segmenter('th', { granularity: 'word' }).segment('การตรวจสอบการใช้ดุลยพินิจ')].map((s) => s.segment);
  console.log(seg);
});
