import { useEffect, useState } from 'react';
import { listDiagnostics, type ListResult } from '@/storage/diagnostics-store';

/** The diagnostics saved on this device, read once when the component mounts (null meanwhile). */
export function useDiagnosticList(): ListResult | null {
  const [list, setList] = useState<ListResult | null>(null);
  useEffect(() => {
    let alive = true;
    void listDiagnostics().then((result) => alive && setList(result));
    return () => {
      alive = false;
    };
  }, []);
  return list;
}
