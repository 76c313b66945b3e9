/**
 * A deliberately small XML reader for CAS validation responses: elements, attributes and text,
 * the five predefined entities and character references. A DOCTYPE is refused outright, so no
 * entity expansion (billion laughs, XXE) can happen; a CAS server never sends one.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const predefined: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const value = predefined[ref];
    if (value === undefined) throw new Error(`XML: unknown entity &${ref};`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) throw new Error('XML: DOCTYPE is not accepted');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const token =
    /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let match: RegExpExecArray | null;
  let consumed = 0;
  for (match = token.exec(source); match; match = token.exec(source)) {
    if (match.index !== consumed) throw new Error('XML: malformed markup');
    consumed = token.lastIndex;
    const [, cdata, closing, opening, attributeText, selfClosing, text] = match;
    const current = stack[stack.length - 1]!;
    if (cdata !== undefined) current.text += cdata;
    else if (text !== undefined) current.text += decode(text);
    else if (closing !== undefined) {
      if (current.name !== closing || stack.length === 1) throw new Error(`XML: unexpected </${closing}>`);
      stack.pop();
    } else if (opening !== undefined) {
      const attributes: Record<string, string> = {};
      for (const [, name, , double, single] of (attributeText ?? '').matchAll(/([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
        attributes[name!] = decode(double ?? single ?? '');
      }
      const element: XmlElement = { name: opening, attributes, children: [], text: '' };
      current.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (consumed !== source.length || stack.length !== 1) throw new Error('XML: truncated document');
  return root;
}

/** Local name without its namespace prefix: `cas:user` → `user`. */
export const localName = (element: XmlElement) => element.name.slice(element.name.indexOf(':') + 1);

export function childNamed(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((child) => localName(child) === name);
}
