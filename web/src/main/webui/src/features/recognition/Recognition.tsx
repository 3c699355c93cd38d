import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { api, withQuery } from '../../api/client';
import { useMe } from '../../shell/session';
import { Avatar, ErrorNote, Loading, MoreSentinel, PageTitle, When, useCursorList, useDraft } from '../../shell/ui';
import { useStoredState } from '../../shell/storedState';
import { PeoplePicker, type PickedPerson } from './PeoplePicker';
import { PostBody } from '../feed/PostBody';
import './recognition.css';

/** `GET /api/recognition/values` (budget fields null when there is no monthly budget). */
interface Catalogue {
  values: { name: string; description: string | null }[];
  badges: string[];
  monthlyBudget: number | null;
  remaining: number | null;
  budgetResetsAt: string | null;
}

interface Person {
  id: string;
  displayName: string;
  username: string;
  department: string | null;
}

/** One person on the wall: recognitions received in the period, per value. */
interface WallEntry {
  employee: Person;
  total: number;
  byValue: Record<string, number>;
}

interface Wall {
  period: string;
  from: string;
  department: string | null;
  items: WallEntry[];
  next: string | null;
}

/** A recognition as a post view (feed-service `PostView` with `recognition`). */
interface RecognitionPost {
  id: string;
  mentions: string[];
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  recognition: { value: string; badge: string | null; recipients: { id: string; displayName: string; username: string }[] } | null;
}

interface Received {
  person: Person;
  total: number;
  byValue: Record<string, number>;
  items: RecognitionPost[];
  next: string | null;
}

type Period = 'week' | 'month' | 'quarter';
const PERIODS: { id: Period; label: string }[] = [
  { id: 'week', label: 'Week' },
  { id: 'month', label: 'Month' },
  { id: 'quarter', label: 'Quarter' },
];

/** Badge ids (configured in feed-service) shown as emoji from the system font: no image is fetched. */
const BADGE_ICONS: Record<string, string> = {
  star: '⭐',
  rocket: '🚀',
  heart: '❤️',
  trophy: '🏆',
  lightbulb: '💡',
  handshake: '🤝',
};
const badgeLabel = (b: string) => `${BADGE_ICONS[b] ?? ''} ${b[0]?.toUpperCase() ?? ''}${b.slice(1)}`.trim();

/** `/recognition`: give kudos for a company value, and the wall of who was recognised most. */
export function RecognitionPage() {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [catalogueError, setCatalogueError] = useState<unknown>(null);
  const [wallVersion, setWallVersion] = useState(0);

  const loadCatalogue = () => {
    setCatalogueError(null);
    api<Catalogue>('/api/recognition/values').then(setCatalogue, setCatalogueError);
  };
  useEffect(loadCatalogue, []);

  return (
    <>
      <PageTitle>Recognition</PageTitle>
      <ErrorNote error={catalogueError} onRetry={loadCatalogue} />
      <KudosForm
        catalogue={catalogue}
        onGiven={() => {
          loadCatalogue(); // what is left of the budget
          setWallVersion((v) => v + 1);
        }}
      />
      <RecognitionWall version={wallVersion} />
    </>
  );
}

interface KudosChoices {
  recipients: PickedPerson[];
  value: string;
  badge: string;
}

/** Who, for which value, and why: a RECOGNITION post. Everything chosen and typed survives a sign-in round trip. */
function KudosForm({ catalogue, onGiven }: { catalogue: Catalogue | null; onGiven: () => void }) {
  const me = useMe();
  const [message, setMessage, clearMessage] = useDraft('recognition.message');
  const [choices, setChoices, clearChoices] = useStoredState<KudosChoices>('recognition.kudos', {
    recipients: [],
    value: '',
    badge: '',
  });
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [given, setGiven] = useState<RecognitionPost | null>(null);

  const chosenValue = catalogue?.values.find((v) => v.name === choices.value);
  const outOfBudget = catalogue?.remaining != null && catalogue.remaining < choices.recipients.length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setGiven(null);
    if (choices.recipients.length === 0) return setError(new Error('Choose who you are recognising.'));
    if (!choices.value) return setError(new Error('Choose the company value they showed.'));
    if (!message.trim()) return setError(new Error('Say what they did: a few words are enough.'));
    setSending(true);
    try {
      const post = await api<RecognitionPost>('/api/posts', {
        method: 'POST',
        json: {
          kind: 'RECOGNITION',
          body: message,
          recipients: choices.recipients.map((r) => r.id),
          value: choices.value,
          badge: choices.badge || null,
        },
      });
      clearMessage();
      clearChoices();
      setGiven(post);
      onGiven();
    } catch (err) {
      // a refusal (over budget, someone who left) keeps the form as it was
      setError(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="card" aria-labelledby="give-kudos">
      <h2 id="give-kudos" className="section-heading">
        Give kudos
      </h2>
      <form className="stack kudos-form" onSubmit={(e) => void submit(e)} noValidate>
        <div>
          <span className="field-label" aria-hidden="true">
            Recipients
          </span>
          <PeoplePicker
            label="Recipients"
            chosen={choices.recipients}
            exclude={me.id}
            onChange={(recipients) => setChoices((c) => ({ ...c, recipients }))}
          />
        </div>
        <div className="kudos-choices">
          <label>
            <span className="field-label">Company value</span>
            <select
              aria-label="Company value"
              value={choices.value}
              disabled={!catalogue}
              onChange={(e) => setChoices((c) => ({ ...c, value: e.target.value }))}
            >
              <option value="">Choose a value…</option>
              {catalogue?.values.map((v) => (
                <option key={v.name} value={v.name}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          {catalogue && catalogue.badges.length > 0 && (
            <label>
              <span className="field-label">Badge</span>
              <select value={choices.badge} onChange={(e) => setChoices((c) => ({ ...c, badge: e.target.value }))}>
                <option value="">No badge</option>
                {catalogue.badges.map((b) => (
                  <option key={b} value={b}>
                    {badgeLabel(b)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {chosenValue?.description && <p className="muted small">{chosenValue.description}</p>}
        <div>
          <span className="field-label" aria-hidden="true">
            Message
          </span>
          <textarea
            aria-label="Message"
            placeholder="What did they do, and what difference did it make?"
            rows={4}
            maxLength={10_000}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        </div>
        {catalogue?.monthlyBudget != null && (
          <p className={outOfBudget ? 'error small' : 'muted small'}>
            You can recognise {catalogue.remaining} more {catalogue.remaining === 1 ? 'person' : 'people'} this month
            {catalogue.budgetResetsAt && (
              <>
                {' '}
                (more from {new Date(catalogue.budgetResetsAt).toLocaleDateString()})
              </>
            )}
            .
          </p>
        )}
        <ErrorNote error={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={sending}>
            Give kudos
          </button>
          <span role="status" className="small">
            {sending && 'Sending…'}
            {given && (
              <>
                Kudos sent to {given.recognition?.recipients.map((r) => r.displayName).join(', ') ?? 'them'}.{' '}
                <Link to={`/posts/${given.id}`}>See it</Link>
              </>
            )}
          </span>
        </div>
      </form>
    </section>
  );
}

/** The wall: people ranked by kudos received this week, month or quarter, optionally in one department. */
function RecognitionWall({ version }: { version: number }) {
  const [period, setPeriod] = useState<Period>('month');
  const [department, setDepartment] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const wall = useCursorList<WallEntry>(
    async (cursor) => {
      const page = await api<Wall>(withQuery('/api/recognition', { period, department, cursor, limit: 20 }));
      setFrom(page.from);
      return page;
    },
    [period, department, version],
  );

  return (
    <section className="card" aria-labelledby="wall-title">
      <div className="spread">
        <h2 id="wall-title" className="section-heading">
          Recognition wall
        </h2>
        <DepartmentFilter value={department} onChange={setDepartment} />
      </div>
      <PeriodTabs value={period} onChange={setPeriod} />
      <div role="tabpanel" id="wall-panel" aria-labelledby={`period-${period}`}>
        {from && (
          <p className="muted small">
            {/* periods start at midnight UTC: shown in UTC, or a reader west of Greenwich sees the day before */}
            Kudos received since{' '}
            {new Date(from).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })}
            {department && ` in ${department}`}.
          </p>
        )}
        <ErrorNote error={wall.error} onRetry={() => void wall.reload()} />
        {wall.items.length === 0 && !wall.loading && !wall.error && (
          <p className="muted">Nobody has been recognised in this period yet. Be the first to give kudos.</p>
        )}
        <ol className="wall">
          {wall.items.map((entry, i) => (
            <WallRow key={entry.employee.id} entry={entry} rank={i + 1} />
          ))}
        </ol>
        {wall.loading && wall.items.length === 0 ? (
          <Loading />
        ) : (
          !wall.error && <MoreSentinel onVisible={wall.more} loading={wall.loading} done={wall.done} />
        )}
      </div>
    </section>
  );
}

/** Tabs with the keyboard pattern of the ARIA practices: arrows move between them, the chosen one is in the tab order. */
function PeriodTabs({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = PERIODS.findIndex((p) => p.id === value);
    const next =
      e.key === 'ArrowRight' ? PERIODS[(i + 1) % PERIODS.length]
      : e.key === 'ArrowLeft' ? PERIODS[(i - 1 + PERIODS.length) % PERIODS.length]
      : e.key === 'Home' ? PERIODS[0]
      : e.key === 'End' ? PERIODS[PERIODS.length - 1]
      : null;
    if (!next) return;
    e.preventDefault();
    onChange(next.id);
    refs.current[next.id]?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Period">
      {PERIODS.map((p) => (
        <button
          key={p.id}
          ref={(el) => {
            refs.current[p.id] = el;
          }}
          type="button"
          role="tab"
          id={`period-${p.id}`}
          aria-selected={p.id === value}
          aria-controls="wall-panel"
          tabIndex={p.id === value ? 0 : -1}
          onClick={() => onChange(p.id)}
          onKeyDown={onKeyDown}
        >
          {p.label}
        </button>
      ))}
    </div>
  );
}

function DepartmentFilter({ value, onChange }: { value: string; onChange: (d: string) => void }) {
  const [departments, setDepartments] = useState<{ name: string }[]>([]);
  useEffect(() => {
    // without the list the wall still works for the whole company: a failure only hides the filter's options
    api<{ name: string }[]>('/api/profiles/departments').then(setDepartments, () => setDepartments([]));
  }, []);
  return (
    <label className="row small">
      Department
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All departments</option>
        {departments.map((d) => (
          <option key={d.name} value={d.name}>
            {d.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One person on the wall: rank, total, counts per value, and what they received when opened. */
function WallRow({ entry, rank }: { entry: WallEntry; rank: number }) {
  const [open, setOpen] = useState(false);
  const person = entry.employee;
  return (
    <li className="wall-entry">
      <div className="wall-line">
        <span className="wall-rank" aria-label={`Rank ${rank}`}>
          {rank}
        </span>
        <Avatar name={person.displayName} />
        <div className="wall-person">
          <Link to={`/people/${encodeURIComponent(person.id)}`}>{person.displayName}</Link>
          {person.department && <div className="muted small">{person.department}</div>}
          <ul className="value-counts" aria-label="By value">
            {Object.entries(entry.byValue)
              .sort((a, b) => b[1] - a[1])
              .map(([value, count]) => (
                <li key={value} className="badge">
                  {value} × {count}
                </li>
              ))}
          </ul>
        </div>
        <span className="wall-total">
          {entry.total}
          <span className="muted small"> kudos</span>
        </span>
      </div>
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary className="small">Recent kudos for {person.displayName}</summary>
        {open && <ReceivedList personId={person.id} />}
      </details>
    </li>
  );
}

/** The newest recognitions a person received (as far as the caller may see them). */
function ReceivedList({ personId }: { personId: string }) {
  const [received, setReceived] = useState<Received | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () => {
    setError(null);
    api<Received>(withQuery(`/api/recognition/people/${encodeURIComponent(personId)}`, { limit: 5 })).then(setReceived, setError);
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [personId]);
  if (error) return <ErrorNote error={error} onRetry={load} />;
  if (!received) return <Loading />;
  if (received.items.length === 0) return <p className="muted small">Nothing you can see.</p>;
  return (
    <ul className="received">
      {received.items.map((post) => (
        <li key={post.id}>
          <div className="row small">
            <strong>{post.authorName}</strong>
            {post.recognition && (
              <span className="badge">
                {post.recognition.badge && BADGE_ICONS[post.recognition.badge] ? `${BADGE_ICONS[post.recognition.badge]} ` : ''}
                {post.recognition.value}
              </span>
            )}
            <span className="muted">
              <When at={post.createdAt} />
            </span>
          </div>
          <div className="received-body">
            <PostBody html={post.body} mentions={post.mentions} />
          </div>
          <Link to={`/posts/${post.id}`} className="small" aria-label={`Open the kudos from ${post.authorName}`}>
            Open
          </Link>
        </li>
      ))}
    </ul>
  );
}
