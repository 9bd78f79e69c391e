import { describe, expect, it } from 'vitest';
import { resources } from './i18n';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

describe('translations', () => {
  const en = new Map(leaves(resources.en as unknown as Tree));
  const de = new Map(leaves(resources.de as unknown as Tree));

  it('has every English string in German, none empty', () => {
    expect([...de.keys()].sort()).toEqual([...en.keys()].sort());
    expect([...de].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('keeps the same {{placeholders}} in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    const mismatched = [...en].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(de.get(key) ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });
});
