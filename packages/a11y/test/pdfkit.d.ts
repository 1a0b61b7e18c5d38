/** The part of pdfkit 0.20 the test documents use (pdfkit ships no types; @types/pdfkit describes 0.17). */
declare module "pdfkit" {
  interface StructureElement {
    add(child: StructureElement | (() => void)): StructureElement;
    end(): void;
  }
  interface DocumentOptions {
    pdfVersion?: string;
    tagged?: boolean;
    lang?: string;
    displayTitle?: boolean;
    subset?: string;
    info?: Record<string, string>;
    font?: string;
    autoFirstPage?: boolean;
  }
  class PDFDocument {
    constructor(options?: DocumentOptions);
    on(event: "data", listener: (chunk: Buffer) => void): this;
    on(event: "end", listener: () => void): this;
    end(): void;
    addPage(): this;
    font(src: string): this;
    fontSize(size: number): this;
    text(text: string, x: number, y: number, options?: { lineBreak?: boolean }): this;
    rect(x: number, y: number, w: number, h: number): this;
    fill(color: string): this;
    struct(type: string, options?: Record<string, string> | (() => void), children?: () => void): StructureElement;
    addStructure(el: StructureElement): this;
    markContent(tag: string, options?: Record<string, string>): this;
    markStructureContent(tag: string): unknown;
    endMarkedContent(): this;
  }
  export default PDFDocument;
}
