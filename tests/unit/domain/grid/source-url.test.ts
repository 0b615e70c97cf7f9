import { loadGrid } from '@/domain/grid/load-grid';
import { makeGrid } from '../../../fixtures/make-grid';

/** A grid whose only source has this link (set after parsing, as a file would carry it). */
function withSourceUrl(url: string): unknown {
  const grid = makeGrid({ sources: [{ id: 's1', label: { fr: 'Source', en: 'Source' } }] });
  return { ...grid, sources: [{ id: 's1', label: { fr: 'Source', en: 'Source' }, url }] };
}

describe('source links: only http(s) is accepted (a link is rendered as <a href>)', () => {
  it.each([
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['JavaScript:void(0)//https://', false],
    [' javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox(1)', false],
    ['file:///etc/passwd', false],
    ['blob:https://example.org/uuid', false],
    ['//evil.example/path', false],
    ['ftp://example.org/', false],
    ['https://www.legifrance.gouv.fr/', true],
    ['http://example.org/page?q=1#x', true],
    ['HTTPS://EXAMPLE.ORG/', true],
  ])('%s → accepted: %s', (url, accepted) => {
    const result = loadGrid(withSourceUrl(url));
    expect(result.ok).toBe(accepted);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.code, e.path])).toEqual([
        ['invalid_url', 'sources[0].url'],
      ]);
    }
  });
});
