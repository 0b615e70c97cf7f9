import { href, parseRoute } from '@/app/router';

describe('parseRoute', () => {
  it.each([
    ['', 'start', {}],
    ['#/', 'start', {}],
    ['#/new', 'new', {}],
    ['#/answer', 'answer', {}],
    ['#/answer/d1', 'answer', { diagnosticId: 'd1' }],
    ['#/answer/d1/uses~2', 'answer', { diagnosticId: 'd1', step: 'uses~2' }],
    ['#/results/abc%20def', 'results', { diagnosticId: 'abc def' }],
    ['#/workshop/x', 'workshop', { diagnosticId: 'x' }],
    ['#/workshop/x/projection', 'workshop', { diagnosticId: 'x', view: 'projection' }],
    ['#/workshop/x/paper', 'workshop', { diagnosticId: 'x', view: 'paper' }],
    ['#/workshop/x/elsewhere', 'notFound', {}],
    ['#/compare/a/b', 'compare', { t0: 'a', t1: 'b' }],
    ['#/grids', 'grids', {}],
    ['#/grids/uses', 'grids', { gridId: 'uses' }],
    ['#/about', 'about', {}],
    ['#/results/a/b/c', 'notFound', {}],
    ['#/nowhere', 'notFound', {}],
    ['#/results/%E0%A4%A', 'results', { diagnosticId: '%E0%A4%A' }],
  ])('should read %j as %s', (hash, name, params) => {
    const route = parseRoute(hash);
    expect(route.name).toBe(name);
    expect(route.params).toEqual(params);
  });

  it('should build hrefs with encoded segments', () => {
    expect(href('/results', 'a b')).toBe('#/results/a%20b');
    expect(href('/grids')).toBe('#/grids');
  });
});
