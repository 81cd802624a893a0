import { Button, Empty, Pagination, Space, Spin, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../shared/api/documents-api';
import { client } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { L } from './labels';

export interface ViewState {
  /** Display scale; null = fit the box. */
  zoom: number | null;
  /** Quarter turns clockwise. */
  turns: number;
  page: number;
}

interface Props {
  document: DocumentSummary | null;
  view: ViewState;
  onView(view: ViewState): void;
  /** Box of the selected field on the shown page, in page pixels. */
  highlight: { x0: number; y0: number; x1: number; y1: number } | null;
}

const BOX_HEIGHT = 520;

/** Object URLs of page images by document and page, kept while the desk is open. */
function usePageImage(documentId: string | null, page: number): { url: string | null; loading: boolean; error: string | null } {
  const cache = useRef(new Map<string, string>());
  const [state, setState] = useState<{ url: string | null; loading: boolean; error: string | null }>({ url: null, loading: false, error: null });
  const { errorText } = useI18n();
  useEffect(() => {
    if (!documentId) return setState({ url: null, loading: false, error: null });
    const key = `${documentId}/${page}`;
    const cached = cache.current.get(key);
    if (cached) return setState({ url: cached, loading: false, error: null });
    let live = true;
    setState({ url: null, loading: true, error: null });
    void client.call('documents:page', { documentId, page }).then((r) => {
      if (!live) return;
      if (!r.ok) return setState({ url: null, loading: false, error: errorText(r.error) });
      const bytes = Uint8Array.from(atob(r.value.dataBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: r.value.mime }));
      cache.current.set(key, url);
      setState({ url, loading: false, error: null });
    });
    return () => {
      live = false;
    };
  }, [documentId, page, errorText]);
  useEffect(() => {
    const urls = cache.current;
    return () => {
      for (const url of urls.values()) URL.revokeObjectURL(url);
      urls.clear();
    };
  }, []);
  return state;
}

/** The page image with zoom, rotation and fit, and the selected field's box drawn over it. */
export function ImageViewer({ document: doc, view, onView, highlight }: Props) {
  const { pick } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(600);
  const page = doc?.pages.find((p) => p.page === view.page) ?? doc?.pages[0] ?? null;
  const image = usePageImage(doc?.id ?? null, page?.page ?? 1);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setBoxWidth(el.clientWidth - 4));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  if (!doc || !page) return <Empty description={pick(L.noImage)} />;
  const sideways = view.turns % 2 === 1;
  const shownW = sideways ? page.height : page.width;
  const shownH = sideways ? page.width : page.height;
  const fit = Math.min(boxWidth / shownW, (BOX_HEIGHT - 4) / shownH);
  const scale = view.zoom ?? fit;
  const w = page.width * scale;
  const h = page.height * scale;
  const setZoom = (z: number | null) => onView({ ...view, zoom: z === null ? null : Math.min(4, Math.max(0.1, z)) });

  return (
    <div className="doc-viewer" data-testid="doc-viewer">
      <Space wrap className="doc-viewer-tools">
        <Tooltip title={`${pick(L.zoomOut)} (−)`}>
          <Button size="small" data-testid="viewer-zoom-out" onClick={() => setZoom(scale / 1.25)}>
            −
          </Button>
        </Tooltip>
        <Typography.Text className="doc-viewer-zoom" data-testid="viewer-zoom">
          {Math.round(scale * 100)}%
        </Typography.Text>
        <Tooltip title={`${pick(L.zoomIn)} (+)`}>
          <Button size="small" data-testid="viewer-zoom-in" onClick={() => setZoom(scale * 1.25)}>
            +
          </Button>
        </Tooltip>
        <Tooltip title={`${pick(L.fit)} (0)`}>
          <Button size="small" data-testid="viewer-fit" onClick={() => setZoom(null)}>
            {pick(L.fit)}
          </Button>
        </Tooltip>
        <Tooltip title={`${pick(L.rotate)} (.)`}>
          <Button size="small" data-testid="viewer-rotate" onClick={() => onView({ ...view, turns: (view.turns + 1) % 4 })}>
            ↻ {pick(L.rotate)}
          </Button>
        </Tooltip>
        {doc.pages.length > 1 && (
          <Pagination size="small" simple current={page.page} total={doc.pages.length} pageSize={1} onChange={(p) => onView({ ...view, page: p })} />
        )}
      </Space>
      <div ref={box} className="doc-viewer-box" style={{ height: BOX_HEIGHT }}>
        {image.loading && <Spin className="doc-viewer-spin" />}
        {image.error && <Typography.Text type="danger">{image.error}</Typography.Text>}
        {image.url && (
          <div className="doc-viewer-canvas" style={{ width: shownW * scale, height: shownH * scale }}>
            <div
              className="doc-viewer-sheet"
              data-turns={view.turns}
              style={{ width: w, height: h, left: (shownW * scale - w) / 2, top: (shownH * scale - h) / 2, transform: `rotate(${view.turns * 90}deg)` }}
            >
              <img src={image.url} alt={doc.fileName} width={w} height={h} data-testid="viewer-image" draggable={false} />
              {highlight && (
                <div
                  className="doc-viewer-highlight"
                  data-testid="viewer-highlight"
                  style={{
                    left: highlight.x0 * scale - 3,
                    top: highlight.y0 * scale - 3,
                    width: (highlight.x1 - highlight.x0) * scale + 6,
                    height: (highlight.y1 - highlight.y0) * scale + 6,
                  }}
                />
              )}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
