import { useCallback, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
import { Avatar, ErrorNote, MoreSentinel, PageTitle, When, useCursorList, useDraft } from '../../shell/ui';
import { Highlighted } from './Highlighted';
import type { SearchHit, SearchView } from './types';
import './search.css';

type HitType = 'all' | 'posts' | 'people';
const TYPES: { type: HitType; label: string }[] = [
  { type: 'all', label: 'All' },
  { type: 'posts', label: 'Posts' },
  { type: 'people', label: 'People' },
];

/** The page's own date choice (`date=week`) becomes the API's `from`, so a shared link keeps meaning "recent". */
type DateRange = 'day' | 'week' | 'month' | 'year';
const DATE_DAYS: Record<DateRange, number> = { day: 1, week: 7, month: 30, year: 365 };
const DATE_LABELS: Record<DateRange, string> = { day: 'Past day', week: 'Past week', month: 'Past month', year: 'Past year' };
const isDateRange = (v: string | null): v is DateRange => v !== null && v in DATE_DAYS;

/** Each facet of the answer and the URL (and API) parameter that filters by it. */
const FACETS = [
  { facet: 'kind', param: 'kind', legend: 'Kind', postsOnly: true },
  { facet: 'tags', param: 'tag', legend: 'Topic', postsOnly: true },
  { facet: 'author', param: 'author', legend: 'Author', postsOnly: true },
  { facet: 'group', param: 'group', legend: 'Group', postsOnly: true },
  { facet: 'department', param: 'department', legend: 'Department', postsOnly: false },
  { facet: 'location', param: 'location', legend: 'Location', postsOnly: false },
  { facet: 'date', param: 'date', legend: 'Date', postsOnly: true },
] as const;
/** Filters passed to the API as they are in the URL (from/to too, for links that name exact dates). */
const API_FILTERS = ['department', 'location', 'kind', 'tag', 'author', 'group', 'from', 'to'] as const;
/** Exact dates a link may carry (`from`, `to`: a day or an instant), shown as removable filters. */
const EXACT_DATES = ['from', 'to'] as const;
const POSTS_ONLY_PARAMS = ['kind', 'tag', 'author', 'group', 'date', 'from', 'to'];

const KIND_LABELS: Record<string, string> = { UPDATE: 'Post', ANNOUNCEMENT: 'Announcement', RECOGNITION: 'Recognition' };
const kindLabel = (kind?: string) => (kind ? KIND_LABELS[kind] ?? kind.charAt(0) + kind.slice(1).toLowerCase() : 'Post');

function typeOf(params: URLSearchParams): HitType {
  const t = params.get('type');
  return t === 'posts' || t === 'people' ? t : 'all';
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Search: the query, its type and filters live in the URL, so a search is shareable and Back goes back. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const type = typeOf(params);

  /** Every change is a new history entry; a new query or filter starts from the first page. */
  const update = useCallback(
    (change: (p: URLSearchParams) => void) => {
      const next = new URLSearchParams(params);
      change(next);
      setParams(next);
    },
    [params, setParams],
  );

  return (
    <>
      <PageTitle>{q ? `Search: ${q}` : 'Search'}</PageTitle>
      <SearchForm key={q} query={q} onSearch={(text) => update((p) => p.set('q', text))} />
      <TypeTabs
        type={type}
        onChoose={(t) =>
          update((p) => {
            if (t === 'all') p.delete('type');
            else p.set('type', t);
            // People have no kind, topic, author, group or date: those filters would hide every person.
            if (t === 'people') POSTS_ONLY_PARAMS.forEach((k) => p.delete(k));
          })
        }
      />
      <div role="tabpanel" id="search-results" aria-labelledby={`search-tab-${type}`}>
        {q ? (
          <Results key={params.toString()} q={q} type={type} params={params} update={update} />
        ) : (
          <p className="muted">Type a few words to find posts, comments and colleagues. Use "quotes" for a phrase and -word to leave a word out.</p>
        )}
      </div>
    </>
  );
}

/** The query box. Keyed by the URL's query, so Back shows the query it goes back to; an unsent edit is a draft. */
function SearchForm({ query, onSearch }: { query: string; onSearch: (q: string) => void }) {
  const [text, setText, clear] = useDraft(`search.page.${query}`, query);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (!q) return;
    clear();
    onSearch(q);
  };
  return (
    <form className="sp-form" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="search-page-q">
        Keywords
      </label>
      <input id="search-page-q" type="search" value={text} maxLength={200} enterKeyHint="search" onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="primary">
        Search
      </button>
    </form>
  );
}

/** All / Posts / People as ARIA tabs (arrow keys move between them) over the one result panel. */
function TypeTabs({ type, onChoose }: { type: HitType; onChoose: (t: HitType) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (index + step + TYPES.length) % TYPES.length;
    refs.current[next]?.focus();
    onChoose(TYPES[next]!.type);
  };
  return (
    <div role="tablist" aria-label="Result type" className="tabs">
      {TYPES.map((t, i) => (
        <button
          key={t.type}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`search-tab-${t.type}`}
          aria-selected={t.type === type}
          aria-controls="search-results"
          tabIndex={t.type === type ? 0 : -1}
          onClick={() => t.type !== type && onChoose(t.type)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

type Meta = Pick<SearchView, 'total' | 'facets' | 'facetLabels' | 'typosForgiven'>;

/** The hits of one search (remounted when the URL changes), with its facets and the active filters. */
function Results({
  q,
  type,
  params,
  update,
}: {
  q: string;
  type: HitType;
  params: URLSearchParams;
  update: (change: (p: URLSearchParams) => void) => void;
}) {
  const [meta, setMeta] = useState<Meta | null>(null);
  const query = params.toString();
  const load = useCallback(
    async (cursor: string | null): Promise<Page<SearchHit>> => {
      const current = new URLSearchParams(query);
      const date = current.get('date');
      const filters: Record<string, string | null> = {};
      for (const k of API_FILTERS) filters[k] = current.get(k);
      if (isDateRange(date) && !filters.from) filters.from = daysAgo(DATE_DAYS[date]);
      const view = await api<SearchView>(
        withQuery('/api/search', { q, type: type === 'all' ? null : type, ...filters, limit: 20, cursor }),
      );
      // The first page carries what describes the whole result: total, facets, "similar words".
      if (!cursor) setMeta(view);
      return { items: view.items, next: view.next };
    },
    [q, type, query],
  );
  const list = useCursorList(load, [load]);

  const active = FACETS.filter((f) => params.get(f.param));
  const filtered = active.length > 0 || EXACT_DATES.some((k) => params.get(k));
  const labelOf = (facet: string, value: string) =>
    facet === 'date' && isDateRange(value)
      ? DATE_LABELS[value]
      : facet === 'kind'
        ? kindLabel(value)
        : facet === 'tags'
          ? `#${value}`
          : meta?.facetLabels?.[facet]?.[value] ?? value;

  const toggle = (param: string, value: string, on: boolean) =>
    update((p) => {
      if (on) p.set(param, value);
      else p.delete(param);
      if (param === 'date') p.delete('from');
    });

  return (
    <div className="sp-layout">
      <Facets meta={meta} params={params} type={type} labelOf={labelOf} onToggle={toggle} />
      <section aria-label="Results" className="sp-results">
        {filtered && (
          <div className="sp-chips">
            <span className="small muted">Filtered by</span>
            {active.map((f) => {
              const value = params.get(f.param)!;
              return (
                <button key={f.param} type="button" aria-label={`Remove filter ${f.legend}: ${labelOf(f.facet, value)}`} onClick={() => toggle(f.param, value, false)}>
                  {f.legend}: {labelOf(f.facet, value)} <span aria-hidden="true">×</span>
                </button>
              );
            })}
            {EXACT_DATES.filter((k) => params.get(k)).map((k) => (
              <button key={k} type="button" aria-label={`Remove filter ${k}: ${params.get(k)}`} onClick={() => update((p) => p.delete(k))}>
                {k === 'from' ? 'From' : 'To'}: {params.get(k)} <span aria-hidden="true">×</span>
              </button>
            ))}
            <button type="button" className="link" onClick={() => update((p) => [...FACETS.map((f) => f.param), ...EXACT_DATES].forEach((k) => p.delete(k)))}>
              Clear filters
            </button>
          </div>
        )}
        {meta && (
          <p role="status" className="small muted">
            {meta.total === 1 ? '1 result' : `${meta.total.toLocaleString()} results`}
            {meta.typosForgiven && meta.total > 0 && <> · no exact match for “{q}”, showing similar words</>}
          </p>
        )}
        <ErrorNote error={list.error} onRetry={() => void list.reload()} />
        {meta && meta.total === 0 && !list.loading && (
          <div className="card">
            <p>Nothing found for “{q}”{type !== 'all' && ` in ${type}`}.</p>
            <p className="muted small">
              Check the spelling, use fewer words{filtered ? ', remove a filter' : ''}, or search {type === 'all' ? 'with other words' : 'all results'}.
            </p>
          </div>
        )}
        <ul className="sp-hits">
          {list.items.map((hit) => (
            <li key={`${hit.type}:${hit.id}`}>{hit.type === 'person' ? <PersonHit hit={hit} /> : <PostHit hit={hit} />}</li>
          ))}
        </ul>
        {!list.error && <MoreSentinel onVisible={list.more} loading={list.loading} done={list.done} />}
      </section>
    </div>
  );
}

/** Facets as checkbox lists with counts; a value checked filters the search (one value per facet, as the API takes). */
function Facets({
  meta,
  params,
  type,
  labelOf,
  onToggle,
}: {
  meta: Meta | null;
  params: URLSearchParams;
  type: HitType;
  labelOf: (facet: string, value: string) => string;
  onToggle: (param: string, value: string, on: boolean) => void;
}) {
  // Open beside the results on a wide screen, folded above them on a phone.
  const [wide] = useState(() => window.matchMedia('(min-width: 721px)').matches);
  if (!meta) return <div />;
  const groups = FACETS.filter((f) => !(type === 'people' && f.postsOnly))
    .map((f) => {
      const counts = { ...(meta.facets?.[f.facet] ?? {}) };
      const chosen = params.get(f.param);
      // Keep the chosen value listed even when the answer has no count for it, so it can be unchecked.
      if (chosen && !(chosen in counts)) counts[chosen] = 0;
      const values = Object.entries(counts).filter(([value, n]) => n > 0 || value === chosen);
      if (f.facet === 'date') values.sort(([a], [b]) => DATE_DAYS[a as DateRange] - DATE_DAYS[b as DateRange]);
      return { ...f, chosen, values };
    })
    .filter((g) => g.values.length > 0);
  if (groups.length === 0) return <div />;
  return (
    <details className="sp-facets" open={wide}>
      <summary>Filters</summary>
      {groups.map((g) => (
        <fieldset key={g.facet}>
          <legend>{g.legend}</legend>
          <ul>
            {g.values.map(([value, count]) => (
              <li key={value}>
                <label>
                  <input type="checkbox" checked={g.chosen === value} onChange={(e) => onToggle(g.param, value, e.target.checked)} />
                  <span>{labelOf(g.facet, value)}</span>
                  <span className="sp-count" aria-label={`${count} results`}>
                    {count}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </details>
  );
}

function Fragments({ fragments }: { fragments?: string[] }) {
  if (!fragments?.length) return null;
  return (
    <>
      {fragments.map((f, i) => (
        <p key={i} className="hit-text">
          <Highlighted fragment={f} />
        </p>
      ))}
    </>
  );
}

/** A post found by its text, author, topics or a comment: links to the post. */
function PostHit({ hit }: { hit: SearchHit }) {
  const h = hit.highlights ?? {};
  return (
    <article className="hit card">
      <h2>
        <Link to={`/posts/${encodeURIComponent(hit.id)}`}>
          {kindLabel(hit.kind)} by {h.authorName?.[0] ? <Highlighted fragment={h.authorName[0]} /> : hit.title}
        </Link>
      </h2>
      <div className="hit-meta">
        {hit.createdAt && <When at={hit.createdAt} />}
        {hit.mustRead && <span className="badge">Must read</span>}
        {hit.value && <span className="badge">{hit.value}</span>}
        {hit.authorId && (
          <Link to={`/people/${encodeURIComponent(hit.authorId)}`} className="small">
            Author's profile
          </Link>
        )}
      </div>
      {h.body?.length ? <Fragments fragments={h.body} /> : hit.snippet && <p className="hit-text">{hit.snippet}</p>}
      {h.comments?.length ? (
        <div className="small">
          <span className="muted">In the comments:</span>
          <Fragments fragments={h.comments} />
        </div>
      ) : null}
      {hit.hashtags && hit.hashtags.length > 0 && (
        <p className="hit-tags">
          {hit.hashtags.map((t) => (
            <Link key={t} to={`/topics/${encodeURIComponent(t)}`}>
              #{t}
            </Link>
          ))}
        </p>
      )}
    </article>
  );
}

/** A colleague found by name, handle, title or skills: links to their profile. */
function PersonHit({ hit }: { hit: SearchHit }) {
  const h = hit.highlights ?? {};
  return (
    <article className="hit card hit-person">
      <Avatar name={hit.title} size={44} />
      <div>
        <h2>
          <Link to={`/people/${encodeURIComponent(hit.id)}`}>
            {h.displayName?.[0] ? <Highlighted fragment={h.displayName[0]} /> : hit.title}
          </Link>
        </h2>
        <div className="hit-meta">
          {hit.username && <span>@{hit.username}</span>}
          {hit.former && <span className="badge">Former employee</span>}
        </div>
        {h.title?.[0] ? (
          <p className="hit-text">
            <Highlighted fragment={h.title[0]} />
            {[hit.department, hit.location].filter(Boolean).map((s) => ` · ${s}`)}
          </p>
        ) : (
          hit.snippet && <p className="hit-text">{hit.snippet}</p>
        )}
        {h.skills?.length ? (
          <p className="hit-text small">
            <span className="muted">Skills: </span>
            {h.skills.map((s, i) => (
              <span key={i}>
                {i > 0 && ', '}
                <Highlighted fragment={s} />
              </span>
            ))}
          </p>
        ) : null}
      </div>
    </article>
  );
}

