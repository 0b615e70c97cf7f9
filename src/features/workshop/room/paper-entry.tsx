import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type AnswerValue, type Role } from '@/domain/answers/answers';
import { routingContextOf } from '@/domain/context/context-of';
import { routeGrid } from '@/domain/context/route-grid';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { Grid } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';
import { readPaperCode } from '@/domain/room/paper-code';
import { addPaperRespondent, paperCopyEntered } from '@/domain/room/paper-entry';
import {
  answerForKey,
  answerKeys,
  answersOfEntry,
  keyOfAnswer,
  paperSequence,
  type PaperQuestion,
} from '@/domain/room/paper-sequence';
import { currentLanguage } from '@/i18n/i18n';
import { clearPaperDraft, readPaperDraft, writePaperDraft } from '@/storage/paper-drafts';
import { TableScroll } from '@/components/table-scroll';
import { PaperPrint } from './paper-print';
import './room.css';

type Update = (change: (diagnostic: Diagnostic, now: string) => Diagnostic) => void;

type PaperEntryProps = {
  diagnostic: Diagnostic;
  /** The diagnostic's grids (not routed: they are routed here for the copy's role). */
  grids: Grid[];
  update: Update;
};

type Copy = { code: string; role: Role; replace: boolean };
type Phase =
  | { kind: 'start' }
  | { kind: 'typing'; copy: Copy }
  | { kind: 'summary'; copy: Copy }
  | { kind: 'saved'; copy: Copy; answered: number; replaced: boolean };

/** A question's key in a draft: its grid and item. */
const questionKey = (q: PaperQuestion) => `${q.grid.id}.${q.item.id}`;

/** The copy's questions: the grids routed for its role, in the order they are printed. */
function questionsFor(grids: Grid[], contextKey: string, role: Role): PaperQuestion[] {
  const context = JSON.parse(contextKey) as ReturnType<typeof routingContextOf>;
  return paperSequence(
    grids.map((g) => routeGrid(g, context, role).grid).filter((g) => g.dimensions.length > 0),
  );
}

type Entry = { phase: Phase; typed: (AnswerValue | undefined)[]; position: number };

/**
 * The entry the stored draft left (`src/storage/paper-drafts.ts`), on the questions the copy
 * has now: answers are matched by question, so a grid changed meanwhile keeps what still
 * applies. Null when there is no draft to resume.
 */
function resumeDraft(diagnostic: Diagnostic, grids: Grid[], contextKey: string): Entry | null {
  const draft = readPaperDraft(diagnostic.id);
  if (draft === null) return null;
  const questions = questionsFor(grids, contextKey, draft.role);
  if (questions.length === 0) return null;
  const saved = new Map(draft.typed.map((entry) => [entry.key, entry.value]));
  const typed: (AnswerValue | undefined)[] = [];
  questions.forEach((q, i) => {
    const key = questionKey(q);
    if (saved.has(key)) typed[i] = saved.get(key) ?? undefined;
  });
  const at = questions.findIndex((q) => questionKey(q) === draft.at);
  const position = at >= 0 ? at : Math.min(typed.length, questions.length - 1);
  const copy = { code: draft.code, role: draft.role, replace: draft.replace };
  return { phase: { kind: draft.phase, copy }, typed, position };
}

/**
 * Fast entry of paper copies (the room): the copy's code and role, then one key per
 * answer, the next item at once; Backspace goes back; a summary before saving. The copy joins
 * the workshop as the respondent of its code (domain/room/paper-entry.ts). The copy in progress
 * is kept as a draft at each key, and resumed after a reload, until it is saved or given up.
 */
export function PaperEntry({ diagnostic, grids, update }: PaperEntryProps) {
  const { t } = useTranslation(['room', 'labels']);
  const lang = currentLanguage();
  const contextKey = JSON.stringify(routingContextOf(diagnostic));
  const [resumed] = useState(() => resumeDraft(diagnostic, grids, contextKey));
  const [phase, setPhase] = useState<Phase>(resumed?.phase ?? { kind: 'start' });
  const [typed, setTyped] = useState<(AnswerValue | undefined)[]>(resumed?.typed ?? []);
  const [position, setPosition] = useState(resumed?.position ?? 0);
  /** The copy was resumed from its draft and nothing was typed since: said on the page. */
  const [resumedNote, setResumedNote] = useState(resumed !== null);
  const role = phase.kind === 'start' ? null : phase.copy.role;
  const questions = useMemo(
    () => (role === null ? [] : questionsFor(grids, contextKey, role)),
    [grids, contextKey, role],
  );

  // The draft follows every key; it goes once the copy is saved or given up.
  useEffect(() => {
    if (phase.kind !== 'typing' && phase.kind !== 'summary') {
      clearPaperDraft(diagnostic.id);
      return;
    }
    const current = questions[position];
    writePaperDraft(diagnostic.id, {
      version: 1,
      code: phase.copy.code,
      role: phase.copy.role,
      replace: phase.copy.replace,
      phase: phase.kind,
      at: current ? questionKey(current) : '',
      typed: Array.from(typed, (value, i) => ({ question: questions[i], value }))
        .filter((entry) => entry.question !== undefined)
        .map((entry) => ({ key: questionKey(entry.question!), value: entry.value ?? null })),
    });
  }, [diagnostic.id, phase, typed, position, questions]);

  const workshopHref = `#/workshop/${encodeURIComponent(diagnostic.id)}`;

  if (phase.kind === 'start') {
    return (
      <StartForm
        diagnostic={diagnostic}
        grids={grids}
        lang={lang}
        workshopHref={workshopHref}
        onStart={(copy) => {
          setResumedNote(false);
          setTyped([]);
          setPosition(0);
          setPhase({ kind: 'typing', copy });
        }}
      />
    );
  }
  if (phase.kind === 'saved') {
    return (
      <Saved phase={phase} workshopHref={workshopHref} onNext={() => setPhase({ kind: 'start' })} />
    );
  }
  if (phase.kind === 'summary') {
    return (
      <Summary
        copy={phase.copy}
        questions={questions}
        typed={typed}
        lang={lang}
        resumed={resumedNote}
        onEdit={(i) => {
          setResumedNote(false);
          setPosition(i);
          setPhase({ kind: 'typing', copy: phase.copy });
        }}
        onCancel={() => setPhase({ kind: 'start' })}
        onSave={() => {
          const answers = answersOfEntry(questions, typed);
          const answered = typed.filter((v) => v !== undefined).length;
          const replaced = phase.copy.replace && paperCopyEntered(diagnostic, phase.copy.code);
          update((d, now) => {
            const result = addPaperRespondent(
              d,
              { code: phase.copy.code, role: phase.copy.role, answers },
              now,
              { replace: phase.copy.replace },
            );
            return result.ok ? result.diagnostic : d;
          });
          setPhase({ kind: 'saved', copy: phase.copy, answered, replaced });
        }}
      />
    );
  }
  return (
    <Typing
      copy={phase.copy}
      questions={questions}
      typed={typed}
      position={position}
      lang={lang}
      resumed={resumedNote}
      onType={(value) => {
        setResumedNote(false);
        const next = [...typed];
        next[position] = value;
        setTyped(next);
        if (position + 1 >= questions.length) setPhase({ kind: 'summary', copy: phase.copy });
        else setPosition(position + 1);
      }}
      onBack={() => setPosition(Math.max(0, position - 1))}
      onSummary={() => setPhase({ kind: 'summary', copy: phase.copy })}
      t={t}
    />
  );
}

function StartForm({
  diagnostic,
  grids,
  lang,
  workshopHref,
  onStart,
}: {
  diagnostic: Diagnostic;
  grids: Grid[];
  lang: string;
  workshopHref: string;
  onStart: (copy: Copy) => void;
}) {
  const { t } = useTranslation(['room', 'labels']);
  const uid = useId();
  const [code, setCode] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [replace, setReplace] = useState(false);
  const [errors, setErrors] = useState<{ code?: string; role?: string; duplicate?: string }>({});
  const codeRef = useRef<HTMLInputElement>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const read = readPaperCode(code);
    const next: typeof errors = {};
    if (!read.ok) next.code = t(`entry.codeProblem.${read.problem}`, { code: code.trim() });
    if (role === '') next.role = t('entry.roleMissing');
    if (read.ok && paperCopyEntered(diagnostic, read.code) && !replace) {
      next.duplicate = t('entry.duplicate', { code: read.code });
    }
    setErrors(next);
    if (next.code || next.duplicate) codeRef.current?.focus();
    else if (next.role) document.getElementById(`${uid}-role-0`)?.focus();
    if (read.ok && role !== '' && !next.duplicate) onStart({ code: read.code, role, replace });
  };
  const codeError = errors.code ?? errors.duplicate;
  return (
    <section className="paper-entry" aria-labelledby={`${uid}-title`}>
      <h1 id={`${uid}-title`}>{t('entry.title', { title: diagnostic.title })}</h1>
      <p>{t('entry.intro')}</p>
      <p>
        <a href={workshopHref}>{t('entry.back')}</a>
      </p>
      <form className="card paper-entry__start" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${uid}-code`}>{t('entry.code')}</label>
          <span className="field__hint" id={`${uid}-code-hint`}>
            {t('entry.codeHint')}
          </span>
          <input
            id={`${uid}-code`}
            ref={codeRef}
            className="paper-entry__code"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setReplace(false);
            }}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            aria-invalid={codeError ? true : undefined}
            aria-describedby={`${uid}-code-hint${codeError ? ` ${uid}-code-error` : ''}`}
          />
          {codeError && (
            <p className="field__error" id={`${uid}-code-error`}>
              {codeError}
            </p>
          )}
          {errors.duplicate && (
            <label className="paper-entry__replace">
              <input
                type="checkbox"
                checked={replace}
                onChange={(e) => setReplace(e.target.checked)}
              />{' '}
              {t('entry.replace')}
            </label>
          )}
        </div>
        <fieldset
          className="field"
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={errors.role ? `${uid}-role-error` : undefined}
        >
          <legend>{t('entry.role')}</legend>
          <div className="paper-entry__roles">
            {ROLES.map((r, i) => (
              <label key={r}>
                <input
                  type="radio"
                  id={`${uid}-role-${i}`}
                  name={`${uid}-role`}
                  value={r}
                  checked={role === r}
                  onChange={() => setRole(r)}
                />{' '}
                {t(`labels:role.${r}`)}
              </label>
            ))}
          </div>
          {errors.role && (
            <p className="field__error" id={`${uid}-role-error`}>
              {errors.role}
            </p>
          )}
        </fieldset>
        <button type="submit" className="button button--primary">
          {t('entry.start')}
        </button>
      </form>
      <PaperPrint diagnostic={diagnostic} grids={grids} lang={lang} />
    </section>
  );
}

type T = ReturnType<typeof useTranslation<['room', 'labels']>>['t'];

/** The label of an answer as the paper prints it. */
function answerLabel(q: PaperQuestion, value: AnswerValue | undefined, lang: string, t: T): string {
  if (value === undefined) return t('entry.blank');
  if (value === 'dk') return t('labels:answer.dk');
  if (value === 'na') return t('labels:answer.na');
  const point = q.scale.points.find((p) => p.value === value);
  return point ? pickText(point.label, lang, q.grid.languages.default) : String(value);
}

function Typing({
  copy,
  questions,
  typed,
  position,
  lang,
  onType,
  onBack,
  onSummary,
  resumed,
  t,
}: {
  copy: Copy;
  questions: PaperQuestion[];
  typed: (AnswerValue | undefined)[];
  position: number;
  lang: string;
  onType: (value: AnswerValue | undefined) => void;
  onBack: () => void;
  onSummary: () => void;
  /** Resumed from its draft after a reload. */
  resumed: boolean;
  t: T;
}) {
  const uid = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState('');
  const [refused, setRefused] = useState('');
  const q = questions[position];
  // The keys go to the answer field: it has the focus from the start and after each key.
  useEffect(() => {
    inputRef.current?.focus();
  }, [position]);
  if (!q) return null;
  const keys = answerKeys(q.scale);
  const current = typed[position];
  const currentKey = keyOfAnswer(q.scale, current);
  const record = (value: AnswerValue | undefined) => {
    setRefused('');
    setSaid(t('entry.recorded', { number: q.number, answer: answerLabel(q, value, lang, t) }));
    onType(value);
  };
  /** A printable key typed: an answer, or a message saying it types nothing here. */
  const onTyped = (key: string) => {
    const value = answerForKey(q.scale, key);
    if (value === null) setRefused(t('entry.wrongKey', { key, number: q.number }));
    else record(value === 'blank' ? undefined : value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Backspace') {
      event.preventDefault();
      setRefused('');
      onBack();
      return;
    }
    if (event.key.length !== 1) return;
    event.preventDefault();
    onTyped(event.key);
  };
  const dimension = q.grid.dimensions.find((d) => d.id === q.dimensionId);
  const text = (value: Parameters<typeof pickText>[0]) =>
    pickText(value, lang, q.grid.languages.default);
  return (
    <section className="paper-entry" aria-labelledby={`${uid}-title`}>
      <h1 id={`${uid}-title`}>{t('entry.typingTitle', { code: copy.code })}</h1>
      <p className="paper-entry__who">
        {t('entry.who', { role: t(`labels:role.${copy.role}`) })} ·{' '}
        {t('entry.position', { index: position + 1, count: questions.length })}
      </p>
      {resumed && (
        <p className="notice" data-testid="entry-resumed">
          {t('entry.resumed', { code: copy.code })}
        </p>
      )}
      <progress
        className="progress"
        max={questions.length}
        value={position}
        aria-label={t('entry.progress')}
      />
      <div
        className="card paper-entry__question"
        data-testid="entry-question"
        data-item-id={q.item.id}
      >
        <p className="paper-entry__where">
          {text(q.grid.title)}
          {dimension && ` — ${text(dimension.label)}`}
        </p>
        <p className="paper-entry__item" id={`${uid}-item`}>
          <span className="paper-entry__number">{q.number}.</span> {text(q.item.text)}
        </p>
        <ul className="paper-entry__keys" aria-label={t('entry.keysLabel')}>
          {keys.map((k) => {
            const label =
              k.kind === 'point'
                ? text(q.scale.points[k.index]?.label ?? { fr: '', en: '' })
                : k.kind === 'dk'
                  ? t('labels:answer.dk')
                  : t('labels:answer.na');
            return (
              <li key={k.key}>
                <button
                  type="button"
                  className={`paper-entry__key${k.kind === 'point' ? '' : ' is-apart'}`}
                  aria-pressed={currentKey === k.key}
                  onClick={() => record(k.value)}
                  tabIndex={-1}
                >
                  <kbd>{k.key}</kbd> <span>{label}</span>
                </button>
              </li>
            );
          })}
          <li>
            <button
              type="button"
              className="paper-entry__key is-apart"
              aria-pressed={current === undefined && position < typed.length}
              onClick={() => record(undefined)}
              tabIndex={-1}
            >
              <kbd>{t('entry.spaceKey')}</kbd> <span>{t('entry.blank')}</span>
            </button>
          </li>
        </ul>
        <div className="field paper-entry__field">
          <label htmlFor={`${uid}-key`}>{t('entry.keyLabel', { number: q.number })}</label>
          <input
            id={`${uid}-key`}
            ref={inputRef}
            className="paper-entry__input"
            value=""
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="next"
            aria-describedby={`${uid}-item ${uid}-help`}
            onKeyDown={onKeyDown}
            // Phones' keyboards send no usable key code: what they type arrives here.
            onChange={(e) => {
              const typedKey = e.target.value.slice(-1);
              if (typedKey) onTyped(typedKey);
            }}
            data-testid="entry-key"
          />
          <p className="field__hint" id={`${uid}-help`}>
            {t('entry.help', { space: t('entry.spaceKey') })}
          </p>
        </div>
      </div>
      <p role="status" className="paper-entry__said" data-testid="entry-status">
        {refused || said}
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={onBack} disabled={position === 0}>
          {t('entry.previous')}
        </button>
        <button type="button" className="button" onClick={onSummary}>
          {t('entry.toSummary')}
        </button>
      </div>
    </section>
  );
}

function Summary({
  copy,
  questions,
  typed,
  lang,
  resumed,
  onEdit,
  onCancel,
  onSave,
}: {
  copy: Copy;
  questions: PaperQuestion[];
  typed: (AnswerValue | undefined)[];
  lang: string;
  /** Resumed from its draft after a reload. */
  resumed: boolean;
  onEdit: (index: number) => void;
  onCancel: () => void;
  onSave: () => void;
}) {
  const { t } = useTranslation(['room', 'labels']);
  const uid = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const count = (pick: (v: AnswerValue | undefined) => boolean) =>
    questions.filter((_, i) => pick(typed[i])).length;
  const answered = count((v) => typeof v === 'number');
  const dk = count((v) => v === 'dk');
  const na = count((v) => v === 'na');
  const blank = count((v) => v === undefined);
  return (
    <section className="paper-entry" aria-labelledby={`${uid}-title`}>
      <h1 id={`${uid}-title`} ref={headingRef} tabIndex={-1}>
        {t('entry.summaryTitle', { code: copy.code })}
      </h1>
      <p data-testid="entry-summary-counts">
        {t('entry.who', { role: t(`labels:role.${copy.role}`) })} ·{' '}
        {t('entry.counts', { answered, dk, na, blank, count: questions.length })}
      </p>
      {resumed && (
        <p className="notice" data-testid="entry-resumed">
          {t('entry.resumed', { code: copy.code })}
        </p>
      )}
      {copy.replace && (
        <p className="notice notice--warn">{t('entry.replacing', { code: copy.code })}</p>
      )}
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onSave}>
          {t('entry.save')}
        </button>
        <button type="button" className="button" onClick={() => onEdit(0)}>
          {t('entry.restart')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('entry.cancel')}
        </button>
      </div>
      <TableScroll>
        <table className="data data--compact paper-entry__table">
          <caption>{t('entry.summaryCaption', { code: copy.code })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('entry.number')}</th>
              <th scope="col">{t('entry.item')}</th>
              <th scope="col">{t('entry.answer')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('entry.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q, i) => {
              const itemText = pickText(q.item.text, lang, q.grid.languages.default);
              const value = typed[i];
              const key = keyOfAnswer(q.scale, value);
              return (
                <tr key={`${q.grid.id}.${q.item.id}`} data-item-id={q.item.id}>
                  <td className="num">{q.number}</td>
                  <td>{itemText}</td>
                  <td>
                    {key !== null && <kbd>{key}</kbd>} {answerLabel(q, value, lang, t)}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onEdit(i)}
                      aria-label={t('entry.editLabel', { number: q.number })}
                    >
                      {t('entry.edit')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onSave}>
          {t('entry.save')}
        </button>
      </div>
    </section>
  );
}

function Saved({
  phase,
  workshopHref,
  onNext,
}: {
  phase: Extract<Phase, { kind: 'saved' }>;
  workshopHref: string;
  onNext: () => void;
}) {
  const { t } = useTranslation('room');
  const uid = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="paper-entry" aria-labelledby={`${uid}-title`}>
      <h1 id={`${uid}-title`} ref={headingRef} tabIndex={-1}>
        {t(phase.replaced ? 'entry.replacedTitle' : 'entry.savedTitle', { code: phase.copy.code })}
      </h1>
      <p role="status">{t('entry.saved', { count: phase.answered })}</p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onNext}>
          {t('entry.another')}
        </button>
        <a className="button" href={workshopHref}>
          {t('entry.back')}
        </a>
      </div>
    </section>
  );
}
