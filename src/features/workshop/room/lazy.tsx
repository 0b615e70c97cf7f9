import { lazyComponent, useLazyComponent } from '@/app/lazy-component';
import { LoadingStatus } from '@/components/loading-status';
import type { ComponentProps } from 'react';
import type { PaperEntry as PaperEntryType } from './paper-entry';
import type { Projection as ProjectionType } from './projection';

/** The room's screens: chunks of their own, loaded only when the workshop opens them. */
const projection = lazyComponent(() => import('./projection').then((m) => m.Projection));
const paperEntry = lazyComponent(() => import('./paper-entry').then((m) => m.PaperEntry));

export function LazyProjection(props: ComponentProps<typeof ProjectionType>) {
  const Component = useLazyComponent(projection);
  // eslint-disable-next-line react-hooks/static-components
  return Component ? <Component {...props} /> : <LoadingStatus what="page" />;
}

export function LazyPaperEntry(props: ComponentProps<typeof PaperEntryType>) {
  const Component = useLazyComponent(paperEntry);
  // eslint-disable-next-line react-hooks/static-components
  return Component ? <Component {...props} /> : <LoadingStatus what="page" />;
}
