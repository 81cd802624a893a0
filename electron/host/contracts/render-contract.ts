import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { ComposedContract, ComposedDocument } from '../../../shared/contracts/compose-contract';
import { BODY, drawBlock, drawHeading } from './contract-blocks';
import type { Fontkit } from './fontkit-adapter';
import { CONTENT_WIDTH, GREY, PAGE, PdfFlow } from './pdf-flow';

export interface RenderOptions {
  /** Version of this contract being generated (printed in the footer and the metadata). */
  version: number;
  /** UTC ISO time of generation: the PDF's creation date, so the same input and time give the same bytes. */
  generatedAt: string;
  /** The lender, as the PDF's author. */
  author: string;
  /** Embed only the glyphs used (default). `false` embeds the whole font — only the ink comparison test wants that. */
  subsetFont?: boolean;
}

/**
 * Lays out the composed contract set as one PDF: each document starts on a new page, with its title, its
 * sections, and on every page a footer with the SHA-256 of the approved decision, the document number and
 * version, and "第 x 页 共 y 页" counted within the document. The decision digest also goes into the metadata.
 */
export async function renderContractPdf(
  contract: ComposedContract,
  fontBytes: Uint8Array,
  fontkit: Fontkit,
  opts: RenderOptions,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: opts.subsetFont ?? true });
  const flow = new PdfFlow(doc, font);
  for (const d of contract.documents) {
    layoutDocument(flow, d, contract);
    drawFooters(flow, d, contract.decisionSha256, opts.version);
  }
  setMetadata(doc, contract, opts);
  return { bytes: await doc.save(), pages: doc.getPageCount() };
}

function layoutDocument(flow: PdfFlow, d: ComposedDocument, contract: ComposedContract): void {
  flow.startDocument((f) => {
    // Running header on continuation pages, so a loose page of a long schedule still names its contract.
    f.text(d.title, PAGE.left, f.y, 8, 12, GREY);
    const no = `合同编号：${d.documentNo}`;
    f.text(no, PAGE.width - PAGE.right - f.width(no, 8), f.y, 8, 12, GREY);
    f.y -= 12;
    f.rule(PAGE.left, PAGE.width - PAGE.right, f.y, 0.4);
    f.y -= 10;
  });
  const titleSize = 20;
  flow.text(d.title, PAGE.left + (CONTENT_WIDTH - flow.width(d.title, titleSize)) / 2, flow.y, titleSize, 30);
  flow.y -= 30 + 14;
  for (const section of d.sections) {
    if (section.heading) drawHeading(flow, section.heading);
    for (const block of section.blocks) drawBlock(flow, block, contract.schedule);
  }
  flow.y -= BODY.lineHeight / 2;
}

function drawFooters(flow: PdfFlow, d: ComposedDocument, decisionSha256: string, version: number): void {
  const pages = flow.documentPages;
  pages.forEach((page, i) => {
    flow.page = page;
    flow.rule(PAGE.left, PAGE.width - PAGE.right, 66, 0.4);
    flow.text(`审批决定数据 SHA-256：${decisionSha256}`, PAGE.left, 62, 7.5, 12, GREY);
    flow.text(`合同编号：${d.documentNo}　版本：v${version}`, PAGE.left, 48, 8, 12, GREY);
    const pageNo = `第 ${i + 1} 页 共 ${pages.length} 页`;
    flow.text(pageNo, PAGE.width - PAGE.right - flow.width(pageNo, 9), 48, 9, 12);
  });
}

function setMetadata(doc: PDFDocument, contract: ComposedContract, opts: RenderOptions): void {
  const when = new Date(opts.generatedAt);
  const loan = contract.documents[0]!;
  const templates = contract.documents.map((d) => `${d.docType}:v${d.templateVersion}`).join(',');
  doc.setTitle(`${loan.title} ${contract.contractNo}`, { showInWindowTitleBar: true });
  doc.setSubject(`审批决定数据 SHA-256 ${contract.decisionSha256}`);
  doc.setAuthor(opts.author);
  doc.setKeywords([contract.contractNo, `version=${opts.version}`, `decision-sha256=${contract.decisionSha256}`, `templates=${templates}`]);
  doc.setCreator('信贷工厂工作台 Credit Factory Workbench');
  doc.setProducer('pdf-lib + fontkit 2');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  // Named entries as well, for tools that read the document information dictionary rather than keywords.
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('DecisionSHA256'), PDFString.of(contract.decisionSha256));
  info.set(PDFName.of('ContractNo'), PDFString.of(contract.contractNo));
  info.set(PDFName.of('ContractVersion'), PDFString.of(String(opts.version)));
  info.set(PDFName.of('TemplateVersions'), PDFString.of(templates));
}
