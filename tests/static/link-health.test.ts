// The flags of evidence links (worker/domain/link-health.ts): decided from the last check's facts,
// the address itself and the office's main website; pure, so every case is checked here.
import { describe, expect, it } from 'vitest';
import {
  LINK_TIMEOUT_MS,
  MAX_REDIRECTS,
  hostIsOn,
  isFileSharing,
  linkFlags,
  normaliseMainWebsite,
  type LinkCheckResult,
} from '../../worker/domain/link-health';

const ok: LinkCheckResult = { status: 200, finalUrl: null, error: null };
const MAIN = 'office.go.th';

describe('linkFlags', () => {
  it('a working https link on the main website carries no flag', () => {
    expect(linkFlags('https://www.office.go.th/ita/o1', ok, MAIN)).toEqual([]);
    expect(linkFlags('https://office.go.th/ita/o1', ok, MAIN)).toEqual([]);
  });

  it('dead: any 4xx or 5xx answer, or no answer at all (DNS, time-out, too many redirects, network)', () => {
    for (const status of [400, 403, 404, 410, 500, 503]) expect(linkFlags('https://office.go.th/a', { status, finalUrl: null, error: null }, MAIN)).toEqual(['dead']);
    for (const error of ['dns', 'timeout', 'redirects', 'network'] as const) {
      expect(linkFlags('https://office.go.th/a', { status: null, finalUrl: null, error }, MAIN)).toEqual(['dead']);
    }
    expect(linkFlags('https://office.go.th/a', { status: 204, finalUrl: null, error: null }, MAIN)).toEqual([]);
  });

  it('moved: redirected to another host (a redirect within the host is not a move)', () => {
    expect(linkFlags('https://office.go.th/a', { status: 200, finalUrl: 'https://office.go.th/b', error: null }, MAIN)).toEqual([]);
    expect(linkFlags('https://office.go.th/a', { status: 200, finalUrl: 'https://elsewhere.example/a', error: null }, MAIN)).toEqual(['moved']);
    // Moved and then dead where it landed: both.
    expect(linkFlags('https://office.go.th/a', { status: 404, finalUrl: 'https://elsewhere.example/a', error: null }, MAIN)).toEqual(['dead', 'moved']);
  });

  it('not on the main website only when the office has set one; subdomains count as on it', () => {
    expect(linkFlags('https://other.go.th/a', ok, MAIN)).toEqual(['not-main-site']);
    expect(linkFlags('https://ita.office.go.th/a', ok, MAIN)).toEqual([]);
    expect(linkFlags('https://notoffice.go.th/a', ok, MAIN)).toEqual(['not-main-site']);
    expect(linkFlags('https://other.go.th/a', ok, null)).toEqual([]);
  });

  it('file-sharing services (Google Drive, Dropbox, OneDrive, SharePoint, Box) and plain http, from the address alone', () => {
    for (const url of [
      'https://drive.google.com/file/d/abc/view',
      'https://docs.google.com/document/d/abc',
      'https://www.dropbox.com/s/abc/x.pdf',
      'https://1drv.ms/b/s!abc',
      'https://onedrive.live.com/?id=abc',
      'https://office365.sharepoint.com/:b:/abc',
      'https://app.box.com/s/abc',
    ]) {
      expect(isFileSharing(url), url).toBe(true);
      expect(linkFlags(url, null, null), url).toEqual(['file-sharing']);
    }
    expect(isFileSharing('https://notdropbox.com/x')).toBe(false);
    expect(linkFlags('http://office.go.th/a', null, MAIN)).toEqual(['plain-http']);
    expect(linkFlags('http://drive.google.com/a', { status: 500, finalUrl: null, error: null }, MAIN)).toEqual(['dead', 'not-main-site', 'file-sharing', 'plain-http']);
  });

  it("the app's own /files/ addresses are healthy whatever is known", () => {
    expect(linkFlags('/files/office/abc/report.pdf', null, MAIN)).toEqual([]);
    expect(linkFlags('/files/office/abc/report.pdf', { status: null, finalUrl: null, error: 'dns' }, MAIN)).toEqual([]);
  });
});

describe('main website setting', () => {
  it('takes a domain or a site address and keeps the domain, lower-case, without www.', () => {
    expect(normaliseMainWebsite('office.go.th')).toBe('office.go.th');
    expect(normaliseMainWebsite(' WWW.Office.GO.TH ')).toBe('office.go.th');
    expect(normaliseMainWebsite('https://www.office.go.th/')).toBe('office.go.th');
    expect(normaliseMainWebsite('http://office.go.th')).toBe('office.go.th');
    expect(normaliseMainWebsite('สพป.ไทย')).toMatch(/^xn--/);
  });

  it('refuses what is not a domain', () => {
    for (const bad of ['', 'office', 'https://office.go.th/ita', 'office .go.th', '-office.go.th', 'javascript:alert(1)', 'a@b.go.th', 'https://office.go.th:8080/']) {
      expect(normaliseMainWebsite(bad), bad).toBeNull();
    }
  });

  it('hostIsOn matches the domain and its subdomains only', () => {
    expect(hostIsOn('www.office.go.th', 'office.go.th')).toBe(true);
    expect(hostIsOn('OFFICE.go.th', 'office.go.th')).toBe(true);
    expect(hostIsOn('xoffice.go.th', 'office.go.th')).toBe(false);
  });
});

it('the check follows at most 5 redirects and gives each request 10 seconds', () => {
  expect(MAX_REDIRECTS).toBe(5);
  expect(LINK_TIMEOUT_MS).toBe(10_000);
});
