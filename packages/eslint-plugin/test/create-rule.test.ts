import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule, ruleDocsUrl } from '../src/util/create-rule.js';

const echo = createRule<[{ word?: string; list?: string[] }], 'said'>({
  name: 'echo',
  meta: {
    type: 'suggestion',
    docs: { description: 'Report the configured options', recommended: false },
    messages: { said: '{{word}}:{{list}}' },
    schema: [
      {
        type: 'object',
        properties: { word: { type: 'string' }, list: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ word: 'default', list: ['x'] }],
  },
  create(context, [options]) {
    return {
      Program(node): void {
        context.report({ node, messageId: 'said', data: { word: options.word, list: (options.list ?? []).join('+') } });
      },
    };
  },
});

describe('createRule', () => {
  const linter = new Linter({ configType: 'flat' });
  const said = (options: unknown[]): string[] =>
    linter
      .verify('x;', [{ plugins: { t: { rules: { echo: echo as never } } }, rules: { 't/echo': ['error', ...options] as never } }], 'a.js')
      .map((m) => m.message);

  it('links each rule to its docs page', () => {
    expect(echo.meta.docs?.url).toBe(ruleDocsUrl('echo'));
  });

  it('merges options with their defaults, and follows every change of options between files', () => {
    expect(said([])).toEqual(['default:x']);
    expect(said([{ word: 'one' }])).toEqual(['one:x']);
    expect(said([{ word: 'one' }])).toEqual(['one:x']);
    expect(said([{ list: ['p', 'q'] }])).toEqual(['default:p+q']);
    expect(said([{ list: ['p'] }])).toEqual(['default:p']);
    expect(said([])).toEqual(['default:x']);
    expect(said([{ word: 'two', list: [] }])).toEqual(['two:']);
  });
});
