// What tests read out of the READMEs: their code blocks (run as written) and their links.

export interface CodeBlock {
  lang: string;
  code: string;
  /** The nearest heading above the block. */
  heading: string;
}

/** Every fenced code block of `markdown`, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let heading = '';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h = /^#{1,6} (.*)$/.exec(line);
    if (h) heading = h[1]!;
    const fence = /^```(\S*)\s*$/.exec(line);
    if (!fence) continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    blocks.push({ lang: fence[1]!, code: body.join('\n') + '\n', heading });
  }
  return blocks;
}

/** The one block of `lang` under `heading`; throws, naming both, when there is not exactly one. */
export function codeBlockUnder(markdown: string, heading: string, lang: string): string {
  const found = codeBlocks(markdown).filter((b) => b.heading === heading && b.lang === lang);
  if (found.length !== 1) throw new Error(`expected one \`\`\`${lang} block under "${heading}", found ${found.length}`);
  return found[0]!.code;
}

/** Targets of the inline links and images of `markdown` outside code blocks, without `#anchors`. */
export function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
  const links = [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
  return links.filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l) && !l.startsWith('#')).map((l) => l.replace(/#.*$/, ''));
}
