import fc from 'fast-check';
import { respondentFilePart } from '@/shared/handover/export-respondent-button';

describe('a participant’s response file name', () => {
  it('differs from one participant to another (their random ids), never empty', () => {
    expect(respondentFilePart('k3J9x-Qa7pL2')).toBe('participant-k3j9xqa7');
    expect(respondentFilePart('---')).toBe('participant-x');
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]{8}$/),
        fc.stringMatching(/^[a-z0-9]{8}$/),
        (a, b) => a === b || respondentFilePart(a) !== respondentFilePart(b),
      ),
    );
  });
});
