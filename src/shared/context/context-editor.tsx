/**
 * The context, shown in one line and editable later (answer and results pages). Saving it
 * re-routes the questions and recommendations; answers are never touched (`setContext`).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { routingContextOf } from '@/domain/context/context-of';
import type { Diagnostic, DiagnosticContext } from '@/domain/diagnostic/diagnostic';
import { setContext } from '@/domain/diagnostic/operations';
import { ContextFields } from './context-fields';

/** The context as the diagnostic routes it, in the shape the form edits. */
export function editableContext(diagnostic: Diagnostic): DiagnosticContext {
  const context = routingContextOf(diagnostic);
  return { ...context, projectKinds: [...context.projectKinds] };
}

/** The context in one translated line. */
export function contextLine(t: TFunction<'labels'>, context: DiagnosticContext): string {
  const unknown = t('context.summaryUnknown');
  return t('context.summaryLine', {
    kinds:
      context.projectKinds.length === 0
        ? unknown
        : context.projectKinds.map((kind) => t(`projectKind.${kind}`)).join(', '),
    phase: context.phase === 'unknown' ? unknown : t(`projectPhase.${context.phase}`),
    size: context.size === 'unknown' ? unknown : t(`size.${context.size}`),
    cse: t(`context.${context.cse}`),
    unionDelegates: t(`context.${context.unionDelegates}`),
    sector: context.sector === 'unknown' ? unknown : t(`sector.${context.sector}`),
  });
}

type ContextEditorProps = {
  diagnostic: Diagnostic;
  update: (change: (diagnostic: Diagnostic, now: string) => Diagnostic) => void;
};

export function ContextEditor({ diagnostic, update }: ContextEditorProps) {
  const { t } = useTranslation('labels');
  const uid = useId();
  const stored = editableContext(diagnostic);
  const [draft, setDraft] = useState<DiagnosticContext>(stored);
  const [status, setStatus] = useState<'saved' | 'noChange' | null>(null);
  // The form (fifteen fields with their labels, hints and groups) is made when the editor opens,
  // not with the page: it stood in the first render of the answer and results pages, closed, for
  // about 10 ms of a laptop's main thread (CPU profile of the results page, 2026-12-08). The
  // summary's click makes it before the browser opens the details (no empty frame); `toggle`
  // follows every other way of opening or closing it.
  const [open, setOpen] = useState(false);

  return (
    <details className="context-editor" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary
        onClick={(event) => {
          const details = event.currentTarget.parentElement;
          if (details instanceof HTMLDetailsElement) setOpen(!details.open);
        }}
      >
        <strong>{t('context.summaryTitle')}</strong> — {contextLine(t, stored)}{' '}
        <span className="context-editor__edit">({t('context.edit')})</span>
      </summary>
      {open && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (JSON.stringify(draft) === JSON.stringify(stored)) {
              setStatus('noChange');
              return;
            }
            update((d, now) => setContext(d, draft, now));
            setStatus('saved');
          }}
        >
          <p className="field__hint">{t('context.intro')}</p>
          <ContextFields
            idPrefix={`${uid}-context`}
            value={draft}
            onChange={(next) => {
              setDraft(next);
              setStatus(null);
            }}
          />
          <button type="submit" className="button button--primary">
            {t('context.save')}
          </button>
          <p role="status" className="context-editor__status">
            {status ? t(`context.${status}`) : ''}
          </p>
        </form>
      )}
    </details>
  );
}
