/**
 * The Scope step's state: the OU tree read from the DC one level at a time (with user counts),
 * the include/exclude selection (saved in main at each change) and the live count of users in
 * scope, recounted shortly after each change (the previous count is cancelled).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OuNodeView } from '../../../shared/directory-schemas.ts';
import { ErrorCode, isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import { EMPTY_SCOPE, toggleNode, type ScopeSelection } from '../../../shared/scope-rules.ts';
import { call } from '../bridge.ts';
import { newOpId, useOperation } from './use-operation.ts';

export type ScopePhase = 'loading' | 'noConnection' | 'ready' | 'error';
export type Children = readonly string[] | 'loading' | AppErrorShape;

const COUNT_DELAY_MS = 250;

export function useScopeStep() {
  const [phase, setPhase] = useState<ScopePhase>('loading');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [root, setRoot] = useState<string | null>(null);
  const [nodes, setNodes] = useState<ReadonlyMap<string, OuNodeView>>(new Map());
  const [children, setChildren] = useState<ReadonlyMap<string, Children>>(new Map());
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [selection, setSelection] = useState<ScopeSelection>(EMPTY_SCOPE);
  const [count, setCount] = useState<number | null>(null);
  const counting = useOperation();
  const live = useRef(true);

  const loadChildren = useCallback(async (dn: string) => {
    setChildren((m) => new Map(m).set(dn, 'loading'));
    try {
      const { nodes: found } = await call('directory:listOus', { opId: newOpId(), parentDn: dn });
      if (!live.current) return;
      setNodes((m) => new Map([...m, ...found.map((n) => [n.dn, n] as const)]));
      setChildren((m) =>
        new Map(m).set(
          dn,
          found.map((n) => n.dn),
        ),
      );
    } catch (failure) {
      if (live.current && !isCancelled(failure)) setChildren((m) => new Map(m).set(dn, toShape(failure)));
    }
  }, []);

  useEffect(() => {
    live.current = true;
    Promise.all([call('wizard:load', {}), call('directory:listOus', { opId: newOpId() })]).then(
      ([
        snapshot,
        {
          nodes: [domain],
        },
      ]) => {
        if (!live.current || domain === undefined) return;
        const initial = snapshot.scope ?? { includedOus: [domain.dn], excludedOus: [] };
        if (snapshot.scope === null)
          call('wizard:save', {
            step: 'scope',
            scope: { includedOus: [...initial.includedOus], excludedOus: [...initial.excludedOus] },
          }).catch((failure: unknown) => {
            if (live.current && !isCancelled(failure)) setError(toShape(failure));
          });
        setNodes(new Map([[domain.dn, domain]]));
        setRoot(domain.dn);
        setSelection(initial);
        setOpen(new Set([domain.dn]));
        setPhase('ready');
        void loadChildren(domain.dn);
      },
      (failure: unknown) => {
        if (!live.current || isCancelled(failure)) return;
        const shape = toShape(failure);
        setError(shape);
        setPhase(shape.code === ErrorCode.LdapConnectionLost ? 'noConnection' : 'error');
      },
    );
    return () => {
      live.current = false;
    };
  }, [loadChildren]);

  // The live count: shortly after the selection settles, the previous count is cancelled.
  const { run: runCount, cancel: cancelCount } = counting;
  useEffect(() => {
    if (phase !== 'ready') return;
    const timer = setTimeout(() => {
      cancelCount();
      void runCount((opId) =>
        call('directory:countUsers', {
          opId,
          scope: { includedOus: [...selection.includedOus], excludedOus: [...selection.excludedOus] },
        }),
      ).then((result) => {
        if (result.ok) setCount(result.value.count);
        else if (result.error !== null) setError(result.error);
      });
    }, COUNT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [phase, selection, runCount, cancelCount]);

  const toggle = useCallback(
    (dn: string) => {
      const next = toggleNode(selection, dn);
      setSelection(next);
      call('wizard:save', {
        step: 'scope',
        scope: { includedOus: [...next.includedOus], excludedOus: [...next.excludedOus] },
      }).catch((failure: unknown) => {
        if (!isCancelled(failure)) setError(toShape(failure));
      });
    },
    [selection],
  );

  const setNodeOpen = useCallback(
    (dn: string, isOpen: boolean) => {
      setOpen((current) => {
        const next = new Set(current);
        if (isOpen) next.add(dn);
        else next.delete(dn);
        return next;
      });
      if (isOpen && !children.has(dn)) void loadChildren(dn);
    },
    [children, loadChildren],
  );

  return {
    phase,
    error,
    root,
    nodes,
    children,
    open,
    selection,
    count,
    counting: counting.running,
    toggle,
    setNodeOpen,
  } as const;
}

export type ScopeStepState = ReturnType<typeof useScopeStep>;
