import { Checkbox, Divider, Form, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DocumentDesk } from '../../../shared/api/documents-api';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../shared/documents/kinds';
import { client } from '../api';
import { ReturnModal } from '../case/ReturnModal';
import { useI18n } from '../i18n/I18nProvider';
import { DOCUMENT_PROBLEMS, lackingReason, problemReason } from '../../../shared/workflow/offered-reasons';
import { L } from './labels';

interface Props {
  caseId: string;
  open: boolean;
  busy: boolean;
  onCancel(): void;
  onSubmit(reasons: string[], note: string | undefined): void;
}

/**
 * 退回补件 with document-specific reasons on top of the reason codes: the required documents that are
 * missing (pre-ticked) and a problem per document (illegible, does not match the application, expired).
 * The reasons go to the branch in Chinese.
 */
export function DocumentReturnModal({ caseId, open, ...rest }: Props) {
  const { pick } = useI18n();
  const [desk, setDesk] = useState<DocumentDesk | null>(null);
  const [missing, setMissing] = useState<DocumentKind[]>([]);
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    setDesk(null);
    setMissing([]);
    setProblems([]);
    if (!open) return;
    let live = true;
    void client.call('documents:desk', { caseId }).then((r) => {
      if (!live || !r.ok) return;
      setDesk(r.value);
      setMissing(r.value.checklist.missing);
    });
    return () => {
      live = false;
    };
  }, [open, caseId]);

  const toggle = (reason: string, on: boolean) => setProblems((p) => (on ? [...p, reason] : p.filter((r) => r !== reason)));
  const extra = desk && (
    <>
      {desk.checklist.required.length > 0 && (
        <Form.Item label={pick(L.returnMissing)}>
          <Space wrap>
            {desk.checklist.required.map((k) => (
              <Checkbox
                key={k}
                data-testid={`return-missing-${k}`}
                checked={missing.includes(k)}
                onChange={(e) => setMissing((m) => (e.target.checked ? [...m, k] : m.filter((x) => x !== k)))}
              >
                {pick(DOCUMENT_KIND_LABELS[k])}
                {desk.checklist.missing.includes(k) && <Typography.Text type="danger"> ({pick(L.missing)})</Typography.Text>}
              </Checkbox>
            ))}
          </Space>
        </Form.Item>
      )}
      {desk.documents.length > 0 && (
        <Form.Item label={pick(L.returnProblems)}>
          <Space orientation="vertical" size={2}>
            {desk.documents.map((d) => (
              <Space key={d.id} wrap size={4}>
                <Typography.Text>{pick(DOCUMENT_KIND_LABELS[d.kind])}</Typography.Text>
                {DOCUMENT_PROBLEMS.map((p) => {
                  const reason = problemReason(d.kind, p).zh;
                  return (
                    <Checkbox key={p.code} data-testid={`return-doc-${d.seq}-${p.code}`} checked={problems.includes(reason)} onChange={(e) => toggle(reason, e.target.checked)}>
                      {pick(p.label)}
                    </Checkbox>
                  );
                })}
              </Space>
            ))}
          </Space>
        </Form.Item>
      )}
      <Divider size="small" />
    </>
  );
  return <ReturnModal {...rest} open={open} width={640} extra={extra} extraReasons={[...missing.map((k) => lackingReason(k).zh), ...problems]} />;
}
