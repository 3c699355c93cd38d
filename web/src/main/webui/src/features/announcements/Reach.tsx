import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
import { ErrorNote, Loading, MoreSentinel, PageTitle, When, isApiError, useCursorList } from '../../shell/ui';
import type { Pending, Reach, ReachPart } from './types';
import './announcements.css';

/**
 * `/announcements/:id/reach` (HR, admins, the author): how many of the audience saw and acknowledged it, by
 * department and location, and who has not acknowledged yet (with a CSV of them all).
 */
export function ReachPage() {
  const { id = '' } = useParams();
  const path = `/api/announcements/${encodeURIComponent(id)}`;
  const [reach, setReach] = useState<Reach | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const pending = useCursorList<Pending>(
    (cursor) => api<Page<Pending>>(withQuery(`${path}/pending`, { cursor, limit: 25 })),
    [path],
  );

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setReach(await api<Reach>(`${path}/reach`));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [path]);
  useEffect(() => void load(), [load]);

  const refresh = () => {
    void load();
    void pending.reload();
  };

  return (
    <>
      <PageTitle
        actions={
          <button type="button" onClick={refresh} disabled={loading}>
            Refresh
          </button>
        }
      >
        Reach
      </PageTitle>
      <p className="row small">
        <Link to={`/posts/${encodeURIComponent(id)}`}>Open the announcement</Link>
        <Link to="/announcements">All announcements</Link>
      </p>
      <ErrorNote error={error} onRetry={() => void load()} />
      {!reach && loading && <Loading />}
      {reach && <ReachSummary reach={reach} />}
      {reach && (
        <div className="reach-parts">
          <PartBars title="By department" none="No department" parts={reach.byDepartment} />
          <PartBars title="By location" none="No location" parts={reach.byLocation} />
        </div>
      )}
      {/* refused or unknown: the one alert above says why; the pending list would only repeat it */}
      {!isApiError(error, 403) && !isApiError(error, 404) && <PendingList id={id} list={pending} />}
    </>
  );
}

/** A share as people read it: whole percents, but one decimal under 1% so a few out of many is not "0%". */
function percent(part: number, whole: number): string {
  if (whole === 0 || part === 0) return '0%';
  const share = (part * 100) / whole;
  return share < 1 ? `${share.toFixed(1)}%` : `${Math.round(share)}%`;
}

/** The three totals, each number alone in its element (tests and screen readers read it as is). */
function ReachSummary({ reach }: { reach: Reach }) {
  return (
    <section className="card" aria-labelledby="reach-totals">
      <h2 id="reach-totals" className="section-heading">
        Totals
      </h2>
      <dl className="reach-totals">
        <Total term="Audience" testId="reach-audience" value={reach.audience} note="people" />
        <Total term="Seen" testId="reach-seen" value={reach.seen} note={percent(reach.seen, reach.audience)} />
        <Total term="Acknowledged" testId="reach-acknowledged" value={reach.acknowledged} note={percent(reach.acknowledged, reach.audience)} />
      </dl>
    </section>
  );
}

/** One total: a big number (the test reads it by its test id) and what it means beside it. */
function Total({ term, testId, value, note }: { term: string; testId: string; value: number; note: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <span className="reach-number" data-testid={testId}>
          {value}
        </span>
        <span className="muted small">{note}</span>
      </dd>
    </div>
  );
}

/**
 * Seen and acknowledged as shares of each part's audience. The bars are decoration (aria-hidden): the numbers they
 * draw are written next to them, so nothing is said by width alone.
 */
function PartBars({ title, none, parts }: { title: string; none: string; parts: ReachPart[] }) {
  const headingId = `reach-${title.replace(/\s+/g, '-').toLowerCase()}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {title}
      </h2>
      {parts.length === 0 && <p className="muted small">Nobody in the audience yet.</p>}
      <ul className="bars reach-bars">
        {parts.map((p) => (
          <li key={p.name ?? ''} className="reach-part">
            <div className="spread">
              <strong>{p.name ?? none}</strong>
              <span className="muted small">{p.audience} in audience</span>
            </div>
            <Meter label="Seen" value={p.seen} of={p.audience} />
            <Meter label="Acknowledged" value={p.acknowledged} of={p.audience} className="ack" />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Meter({ label, value, of, className }: { label: string; value: number; of: number; className?: string }) {
  const width = of === 0 ? 0 : Math.min(100, (value * 100) / of);
  return (
    <div className="reach-meter">
      <span className="small">
        {label}: {value} of {of} ({percent(value, of)})
      </span>
      <div className={className ? `bar ${className}` : 'bar'} aria-hidden="true">
        <span style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}

type PendingListState = ReturnType<typeof useCursorList<Pending>>;

/** Who has not acknowledged yet, a page at a time, and all of them as a CSV file. */
function PendingList({ id, list }: { id: string; list: PendingListState }) {
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      // api() sends the bearer token and turns a problem into an error; a CSV answer comes back as text
      const csv = await api<string>(`/api/announcements/${encodeURIComponent(id)}/pending`, {
        headers: { Accept: 'text/csv' },
      });
      saveFile(`announcement-${id}-pending.csv`, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    } catch (e) {
      setDownloadError(e);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section className="card" aria-labelledby="reach-pending">
      <div className="spread">
        <h2 id="reach-pending" className="section-heading">
          Not acknowledged yet
        </h2>
        <button type="button" onClick={() => void download()} disabled={downloading}>
          {downloading ? 'Preparing…' : 'Download CSV'}
        </button>
      </div>
      <ErrorNote error={downloadError} />
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {list.items.length === 0 && !list.loading && !list.error && (
        <p className="muted small">Everyone in the audience has acknowledged it.</p>
      )}
      {list.items.length > 0 && (
        <ul className="pending-list">
          {list.items.map((p) => (
            <li key={p.id} className="spread">
              <div>
                <Link to={`/people/${encodeURIComponent(p.id)}`}>{p.displayName}</Link>
                <div className="muted small">{[p.department, p.location].filter(Boolean).join(' · ') || '—'}</div>
              </div>
              <span className="small">
                {p.seenAt ? (
                  <>
                    Seen <When at={p.seenAt} />
                  </>
                ) : (
                  <span className="muted">Not seen</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.loading && list.items.length === 0 ? (
        <Loading />
      ) : (
        !list.error && <MoreSentinel onVisible={list.more} loading={list.loading} done={list.done} />
      )}
    </section>
  );
}

/** Saves a file the way a download link would: an object URL on a temporary link, released after the click. */
function saveFile(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
