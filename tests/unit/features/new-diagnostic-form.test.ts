import { NewDiagnosticForm } from '@/features/start/new-diagnostic-form';

const VALID = {
  purpose: 'upstream',
  title: 'Déploiement de la messagerie',
  organisation: '',
  projectName: '',
  gridIds: ['uses'],
};

/** The form's messages are i18n keys of the `newDiagnostic` namespace, per field. */
function messages(input: unknown): Record<string, string> {
  const parsed = NewDiagnosticForm.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('NewDiagnosticForm', () => {
  it('accepts a filled form and trims the title', () => {
    const parsed = NewDiagnosticForm.safeParse({ ...VALID, title: '  Messagerie  ' });
    expect(parsed.success && parsed.data.title).toBe('Messagerie');
  });

  it('names each problem with its translation key', () => {
    expect(messages({ ...VALID, title: '   ', gridIds: [] })).toEqual({
      title: 'errors.titleRequired',
      gridIds: 'errors.gridsRequired',
    });
    expect(
      messages({ ...VALID, organisation: 'x'.repeat(301), projectName: 'y'.repeat(301) }),
    ).toEqual({
      organisation: 'errors.tooLong',
      projectName: 'errors.tooLong',
    });
  });
});
