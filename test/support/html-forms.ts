// Reads the forms and links of the app's own server-rendered pages, as a browser would submit
// and follow them. Our templates are GOV.UK macros with quoted attributes and no nested forms,
// so a small tokenizer is enough; it is not a general HTML parser.

/** One control of a form: its name, the value a browser would send, and what kind of box it is. */
export type FormControl = {
  name: string;
  value: string;
  kind: 'text' | 'textarea' | 'select' | 'hidden' | 'checkbox' | 'radio' | 'number' | 'date' | 'file' | 'other';
  options: string[];
  numeric: boolean;
  maxLength?: number;
};

export type PageForm = { action: string; multipart: boolean; controls: FormControl[]; page: string };

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  nbsp: '\u00a0',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  const inner = tag.replace(/^<\w+/, '').replace(/\/?>$/, '');
  for (const m of inner.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    found[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return found;
}

function inputControl(attrs: Record<string, string>): FormControl | null {
  const name = attrs.name;
  if (!name) return null;
  const type = (attrs.type ?? 'text').toLowerCase();
  const numeric = type === 'number' || attrs.inputmode === 'numeric';
  const limit = Number(attrs.maxlength ?? attrs['data-maxlength'] ?? NaN);
  const base = { name, value: attrs.value ?? '', options: [], numeric, ...(limit > 0 ? { maxLength: limit } : {}) };
  if (type === 'submit' || type === 'button' || type === 'reset' || type === 'image') return null;
  if (type === 'checkbox' || type === 'radio')
    return { ...base, kind: type, value: attrs.value ?? 'on', options: 'checked' in attrs ? ['checked'] : [] };
  if (type === 'hidden') return { ...base, kind: 'hidden' };
  if (type === 'file') return { ...base, kind: 'file' };
  if (type === 'date') return { ...base, kind: 'date' };
  if (type === 'number') return { ...base, kind: 'number' };
  return {
    ...base,
    kind: ['text', 'email', 'search', 'tel', 'url', 'password', 'time'].includes(type) ? 'text' : 'other',
  };
}

/** The submit button a person would press: one that saves rather than filters, previews or adds a row (it may have no name). */
function chosenButton(html: string): FormControl | null {
  const buttons = [...html.matchAll(/<button\b[^>]*>/gi)]
    .map((m) => attributes(m[0]))
    .filter((a) => (a.type ?? 'submit') === 'submit');
  const saving = buttons.find(
    (a) => !/filter|search|preview|add-?row|remove-?row|refresh/i.test(`${a.name ?? ''} ${a.value ?? ''}`),
  );
  return saving?.name
    ? { name: saving.name, value: saving.value ?? '', kind: 'hidden', options: [], numeric: false }
    : null;
}

function formControls(html: string): FormControl[] {
  const controls: FormControl[] = [];
  for (const m of html.matchAll(/<(input|select|textarea)\b[^>]*>/gi)) {
    const tag = m[1]!.toLowerCase();
    const attrs = attributes(m[0]);
    if ('disabled' in attrs || !attrs.name) continue;
    if (tag === 'input') {
      const control = inputControl(attrs);
      if (control) controls.push(control);
    } else if (tag === 'textarea') {
      const rest = html.slice(m.index + m[0].length);
      const content = rest.slice(0, rest.search(/<\/textarea>/i));
      const limit = Number(attrs.maxlength ?? NaN);
      controls.push({
        name: attrs.name,
        value: decodeEntities(content.replace(/^\r?\n/, '')),
        kind: 'textarea',
        options: [],
        numeric: false,
        ...(limit > 0 ? { maxLength: limit } : {}),
      });
    } else {
      const rest = html.slice(m.index + m[0].length);
      const body = rest.slice(0, rest.search(/<\/select>/i));
      const options = [...body.matchAll(/<option\b[^>]*>([^<]*)/gi)].map((o) => ({
        attrs: attributes(o[0].slice(0, o[0].indexOf('>') + 1)),
        label: o[1]!,
      }));
      const values = options.map((o) => o.attrs.value ?? decodeEntities(o.label).trim());
      const selected = options.find((o) => 'selected' in o.attrs);
      const value = selected ? (selected.attrs.value ?? decodeEntities(selected.label).trim()) : (values[0] ?? '');
      controls.push({ name: attrs.name, value, kind: 'select', options: values, numeric: false });
    }
  }
  const button = chosenButton(html);
  if (button && !controls.some((c) => c.name === button.name)) controls.push(button);
  return controls;
}

/** Every `method="post"` form of a page, with its action resolved against the page's address. */
export function postForms(html: string, pageUrl: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const m of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/gi)) {
    const open = attributes(m[0].slice(0, m[0].indexOf('>') + 1));
    if ((open.method ?? 'get').toLowerCase() !== 'post') continue;
    const action = new URL(open.action || pageUrl, `http://app.test${pageUrl}`);
    forms.push({
      action: action.pathname + action.search,
      multipart: (open.enctype ?? '').toLowerCase() === 'multipart/form-data',
      controls: formControls(m[1]!),
      page: pageUrl,
    });
  }
  return forms;
}

/** Local links a person could follow from a page (no assets, no language switch, no fragments). */
export function localLinks(html: string, pageUrl: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"[^>]*>/gi)) {
    if (/\bdownload\b/.test(m[0])) continue;
    const url = new URL(decodeEntities(m[1]!), `http://app.test${pageUrl}`);
    if (url.host !== 'app.test' || /^\/(static|assets)\//.test(url.pathname)) continue;
    url.searchParams.delete('lang');
    url.hash = '';
    found.add(url.pathname + url.search);
  }
  return [...found];
}
