import type { Role } from '@/domain/answers/answers';
import { decideRoleVisibility, effectiveThreshold } from '@/domain/aggregate/anonymity';

describe('effectiveThreshold', () => {
  it.each([
    { input: undefined, expected: 3 },
    { input: 3, expected: 3 },
    { input: 5, expected: 5 },
    { input: 2, expected: 2 },
    { input: 1, expected: 2 },
    { input: 0, expected: 2 },
    { input: -4, expected: 2 },
    { input: 2.5, expected: 3 },
    { input: Number.NaN, expected: 3 },
    { input: Number.POSITIVE_INFINITY, expected: 3 },
  ])('$input → $expected', ({ input, expected }) => {
    expect(effectiveThreshold(input)).toBe(expected);
  });
});

describe('decideRoleVisibility', () => {
  it.each<{
    name: string;
    counts: Partial<Record<Role, number>>;
    threshold: number;
    visible: Role[];
    masked: number;
  }>([
    { name: 'nobody', counts: {}, threshold: 3, visible: [], masked: 0 },
    {
      name: 'all roles large enough',
      counts: { employee: 5, manager: 4 },
      threshold: 3,
      visible: ['manager', 'employee'],
      masked: 0,
    },
    {
      name: 'exactly at the threshold is shown',
      counts: { employee: 3, other: 3 },
      threshold: 3,
      visible: ['employee', 'other'],
      masked: 0,
    },
    {
      name: 'one small role: the smallest visible role is masked too (secondary suppression)',
      counts: { employee: 5, manager: 4, representative: 1 },
      threshold: 3,
      visible: ['employee'],
      masked: 5,
    },
    {
      name: 'small roles that together reach the threshold need no secondary suppression',
      counts: { employee: 5, manager: 4, representative: 2, other: 1 },
      threshold: 3,
      visible: ['manager', 'employee'],
      masked: 3,
    },
    {
      name: 'tie for the smallest: the earlier role in ROLES order is masked',
      counts: { management: 3, manager: 3, employee: 3, other: 1 },
      threshold: 3,
      visible: ['manager', 'employee'],
      masked: 4,
    },
    {
      name: 'secondary suppression can mask everything',
      counts: { employee: 10, other: 1, representative: 1 },
      threshold: 3,
      visible: [],
      masked: 12,
    },
    {
      name: 'a single role below the threshold',
      counts: { employee: 2 },
      threshold: 3,
      visible: [],
      masked: 2,
    },
    {
      name: 'the masked total may exceed the threshold',
      counts: { management: 9, manager: 2, employee: 4, other: 1 },
      threshold: 4,
      visible: ['management'],
      masked: 7, // manager 2 + other 1 = 3 < 4 → employee (4, smallest visible) masked
    },
    {
      name: 'a threshold of 2 masks single people only',
      counts: { management: 1, employee: 2, representative: 2 },
      threshold: 2,
      visible: ['representative'],
      masked: 3, // management 1 < 2 → employee (tie with representative, earlier in ROLES)
    },
  ])('$name', ({ counts, threshold, visible, masked }) => {
    const result = decideRoleVisibility(
      new Map(Object.entries(counts) as [Role, number][]),
      threshold,
    );
    expect(result.visible).toEqual(visible);
    expect(result.maskedRespondents).toBe(masked);
  });
});
