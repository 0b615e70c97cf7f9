import { describe, expect, it } from 'vitest';
import { routingContextOf } from '@/domain/context/context-of';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';

const base = {
  project: { name: 'Tablettes', kind: 'robotics', phase: 'choice' },
  size: '50-249',
} as unknown as Diagnostic;

describe('routingContextOf', () => {
  it('maps the stored project kind, phase and size, and leaves CSE and delegates unknown', () => {
    expect(routingContextOf(base)).toEqual({
      projectKinds: ['robotics'],
      phase: 'choice',
      size: '50-249',
      cse: 'unknown',
      unionDelegates: 'unknown',
      sector: 'unknown',
    });
  });

  it('reads « other » kind and a missing size as unknown', () => {
    const other = { ...base, project: { ...base.project, kind: 'other' }, size: undefined };
    const context = routingContextOf(other as Diagnostic);
    expect(context.projectKinds).toEqual([]);
    expect(context.size).toBe('unknown');
  });
});
