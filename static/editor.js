// Code editor: a transparent textarea over a highlighted, line-numbered view, with line highlights and error marks.

import { highlightPython } from './highlight.js';

const INDENT = '    ';

/**
 * The textarea and the highlighted <pre> sit in the same grid cell and share font metrics, so the
 * caret and selection of the textarea line up with the coloured text underneath. Both are as large
 * as the text itself; one outer element scrolls them together, with the gutter sticky on the left.
 */
export class CodeEditor {
  constructor(root, { onRun, onChange }) {
    this.root = root;
    this.scroller = root.querySelector('.editor-scroll');
    this.gutter = root.querySelector('.editor-gutter');
    this.view = root.querySelector('.editor-view');
    this.input = root.querySelector('.editor-input');
    this.onRun = onRun;
    this.onChange = onChange;
    this.activeLine = 0;
    this.errorLine = 0;
    this.tabLeavesEditor = false;
    this.input.addEventListener('input', () => {
      this.render();
      this.onChange(this.value);
    });
    this.input.addEventListener('keydown', (event) => this.handleKey(event));
  }

  get value() {
    return this.input.value;
  }

  set value(text) {
    this.input.value = text;
    this.scroller.scrollTop = 0;
    this.scroller.scrollLeft = 0;
    this.render();
  }

  /** A read-only editor shows code that cannot be changed or run here (a shared run); Tab leaves it. */
  set readOnly(readOnly) {
    this.input.readOnly = readOnly;
    this.root.classList.toggle('is-read-only', readOnly);
  }

  render() {
    const lines = highlightPython(this.input.value);
    this.view.innerHTML = lines
      .map((html, i) => `<div class="code-line" data-line="${i + 1}">${html}</div>`)
      .join('');
    this.gutter.innerHTML = lines.map((_, i) => `<div class="gutter-line" data-line="${i + 1}">${i + 1}</div>`).join('');
    this.paintLine(this.activeLine, 'is-highlighted');
    this.paintLine(this.errorLine, 'has-error');
  }

  lineElements(line) {
    return this.root.querySelectorAll(`[data-line="${line}"]`);
  }

  paintLine(line, className) {
    for (const element of this.root.querySelectorAll(`.${className}`)) element.classList.remove(className);
    if (line > 0) for (const element of this.lineElements(line)) element.classList.add(className);
  }

  /** Highlights the line of the hovered or selected span (0 clears); `reveal` scrolls it into view. */
  highlightLine(line, { reveal = false } = {}) {
    if (line !== this.activeLine) {
      this.activeLine = line;
      this.paintLine(line, 'is-highlighted');
    }
    if (reveal && line > 0) this.revealLine(line);
  }

  /** Marks the line of a syntax or runtime error (0 clears). */
  markError(line) {
    this.errorLine = line;
    this.paintLine(line, 'has-error');
    if (line > 0) this.revealLine(line);
  }

  revealLine(line) {
    const element = this.view.querySelector(`[data-line="${line}"]`);
    if (!element) return;
    const top = element.offsetTop;
    const visibleTop = this.scroller.scrollTop;
    const visibleBottom = visibleTop + this.scroller.clientHeight;
    if (top < visibleTop + 8 || top + element.offsetHeight > visibleBottom - 8) {
      this.scroller.scrollTop = Math.max(0, top - this.scroller.clientHeight / 3);
    }
  }

  handleKey(event) {
    if (this.input.readOnly) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.onRun();
      return;
    }
    if (event.key === 'Escape') {
      // Keyboard users leave the editor with Escape, then Tab.
      this.tabLeavesEditor = true;
      return;
    }
    if (event.key === 'Tab' && !this.tabLeavesEditor && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      if (event.shiftKey) this.outdent();
      else this.insert(INDENT);
      return;
    }
    this.tabLeavesEditor = false;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      this.insert(`\n${this.indentForNewLine()}`);
    }
  }

  /** The indentation of the current line, one level deeper after a line ending with ':'. */
  indentForNewLine() {
    const { value, selectionStart } = this.input;
    const lineStart = value.lastIndexOf('\n', selectionStart - 1) + 1;
    const before = value.slice(lineStart, selectionStart);
    const indent = before.match(/^\s*/)[0];
    return before.trimEnd().endsWith(':') ? indent + INDENT : indent;
  }

  /** Inserts text at the caret through the editing command, so Undo still works. */
  insert(text) {
    this.input.focus();
    if (!document.execCommand('insertText', false, text)) {
      this.input.setRangeText(text, this.input.selectionStart, this.input.selectionEnd, 'end');
      this.input.dispatchEvent(new Event('input'));
    }
  }

  /** Removes up to one indentation level from the start of the caret's line. */
  outdent() {
    const { value, selectionStart } = this.input;
    const lineStart = value.lastIndexOf('\n', selectionStart - 1) + 1;
    const removable = value.slice(lineStart, lineStart + INDENT.length).match(/^ */)[0].length;
    if (removable === 0) return;
    const caret = Math.max(lineStart, selectionStart - removable);
    this.input.setSelectionRange(lineStart, lineStart + removable);
    if (!document.execCommand('delete')) {
      this.input.setRangeText('', lineStart, lineStart + removable, 'start');
      this.input.dispatchEvent(new Event('input'));
    }
    this.input.setSelectionRange(caret, caret);
  }
}
