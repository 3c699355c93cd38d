import { type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useLoaded } from '../../shell/async';
import { ErrorNote, Loading, PageTitle, isApiError } from '../../shell/ui';
import { PersonCardLink } from './Directory';
import type { PersonCard, ProfileView, Report } from './types';
import './people.css';

interface Chart {
  person: PersonCard;
  /** Managers from the top down to the person's own. */
  chain: PersonCard[];
  reports: Report[];
}

function cardOf(p: ProfileView): PersonCard {
  return {
    id: p.id,
    username: p.username,
    displayName: p.displayName,
    title: p.title,
    department: p.department,
    location: p.location,
    avatarUrl: p.avatarUrl,
    pronouns: p.pronouns,
    status: p.status,
  };
}

async function loadChart(id: string): Promise<Chart> {
  const path = `/api/profiles/${encodeURIComponent(id)}`;
  const [person, chain, reports] = await Promise.all([
    api<ProfileView>(path),
    api<PersonCard[]>(`${path}/chain`),
    api<Report[]>(`${path}/reports`),
  ]);
  return { person: cardOf(person), chain: [...chain].reverse(), reports };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The org chart around a person: their managers up to the top above them, their direct reports below, as nested
 * lists (what a screen reader reads as levels) drawn as a vertical tree.
 */
export function OrgChartPage() {
  const { id = '' } = useParams();
  const { data: chart, error, retry } = useLoaded(() => loadChart(id), [id]);

  if (error) {
    return (
      <>
        <PageTitle>{isApiError(error, 404) ? 'Person not found' : 'Org chart'}</PageTitle>
        <ErrorNote error={error} onRetry={isApiError(error, 404) ? undefined : retry} />
      </>
    );
  }
  if (!chart) {
    return (
      <>
        <PageTitle>Org chart</PageTitle>
        <Loading label="Loading the org chart…" />
      </>
    );
  }

  const { person, chain, reports } = chart;
  // Built from the person outwards: their reports inside them, then each manager wrapping the level below.
  let tree: ReactNode = (
    <li className="org-current">
      <PersonCardLink person={person} current />
      {reports.length > 0 ? (
        <ul aria-label={`${person.displayName}'s direct reports`}>
          {reports.map((r) => (
            <li key={r.card.id}>
              <PersonCardLink
                person={r.card}
                extra={r.directReports > 0 ? `${plural(r.directReports, 'direct report', 'direct reports')} · team of ${r.teamSize}` : undefined}
              />
              {r.directReports > 0 && (
                <Link className="small org-more" to={`/people/${encodeURIComponent(r.card.id)}/org`}>
                  {r.card.displayName}'s team
                </Link>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small org-note">No direct reports.</p>
      )}
    </li>
  );
  for (let i = chain.length - 1; i >= 0; i--) {
    const manager = chain[i]!;
    tree = (
      <li>
        <PersonCardLink person={manager} />
        <ul>{tree}</ul>
      </li>
    );
  }

  return (
    <>
      <PageTitle actions={<Link to={`/people/${encodeURIComponent(person.id)}`}>Back to {person.displayName}'s profile</Link>}>
        Org chart: {person.displayName}
      </PageTitle>
      <p className="muted small">
        {chain.length === 0 ? `${person.displayName} is at the top of the organisation.` : `${plural(chain.length, 'level', 'levels')} above ${person.displayName}.`}{' '}
        {plural(reports.length, 'direct report', 'direct reports')}
        {reports.length > 0 && `, ${plural(reports.reduce((n, r) => n + 1 + r.teamSize, 0), 'person', 'people')} in all below`}.
      </p>
      <ul className="org" aria-label="Org chart">
        {tree}
      </ul>
    </>
  );
}
