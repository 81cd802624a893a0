import { Alert, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useLabels } from '../i18n/use-labels';
import { CONTRACT_TEXT } from './contract-text';
import { drawPage, openPdf } from './pdf-document';

/** Every page of a PDF drawn by pdf.js into canvases, in order, as wide as the space allows (at most `maxWidth`). */
export function PdfPreview({ bytes, maxWidth = 820 }: { bytes: Uint8Array; maxWidth?: number }) {
  const tx = useLabels(CONTRACT_TEXT);
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ status: 'rendering' | 'done' | 'failed'; pages: number; reason?: string }>({ status: 'rendering', pages: 0 });

  useEffect(() => {
    let cancelled = false;
    const target = holder.current;
    if (!target) return;
    target.replaceChildren();
    const width = Math.max(320, Math.min(maxWidth, target.clientWidth - 32));
    setState({ status: 'rendering', pages: 0 });
    void (async () => {
      try {
        const doc = await openPdf(bytes);
        try {
          for (let n = 1; n <= doc.numPages && !cancelled; n++) {
            const canvas = document.createElement('canvas');
            canvas.dataset.page = String(n);
            target.appendChild(canvas);
            await drawPage(doc, n, canvas, width);
          }
          if (!cancelled) setState({ status: 'done', pages: doc.numPages });
        } finally {
          void doc.destroy();
        }
      } catch (e) {
        if (!cancelled) setState({ status: 'failed', pages: 0, reason: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [bytes, maxWidth]);

  return (
    <div data-testid="contract-preview" data-status={state.status} data-pages={state.pages}>
      {state.status === 'rendering' && (
        <Space>
          <Spin size="small" />
          {tx('rendering')}
        </Space>
      )}
      {state.status === 'failed' && <Alert type="error" showIcon title={tx('renderFailed', { reason: state.reason ?? '' })} />}
      <div ref={holder} className="contract-preview" />
    </div>
  );
}
