import { useId } from 'react';
import { api, withQuery } from '../../api/client';
import type { Visibility } from '../feed/types';

/** PUT or DELETE /api/groups/{id}/members/{employeeId}: join/leave for oneself, add/remove for owners. */
export function setMembership(groupId: string, employeeId: string, member: boolean, role?: 'OWNER' | 'MEMBER') {
  return api<unknown>(
    withQuery(`/api/groups/${encodeURIComponent(groupId)}/members/${encodeURIComponent(employeeId)}`, { role }),
    { method: member ? 'PUT' : 'DELETE' },
  );
}

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  return <span className={`badge visibility ${visibility.toLowerCase()}`}>{visibility === 'PUBLIC' ? 'Public' : 'Private'}</span>;
}

/** The two visibilities, with what each promises, as radio buttons. */
export function VisibilityChoice({
  value,
  onChange,
  disabledPrivate,
}: {
  value: Visibility;
  onChange: (v: Visibility) => void;
  disabledPrivate?: boolean;
}) {
  const name = useId();
  return (
    <fieldset className="visibility-choice">
      <legend>Visibility</legend>
      <label className="radio">
        <input type="radio" name={name} value="PUBLIC" checked={value === 'PUBLIC'} onChange={() => onChange('PUBLIC')} />
        Public <span className="muted small">— anyone can see its posts and join</span>
      </label>
      <label className="radio">
        <input
          type="radio"
          name={name}
          value="PRIVATE"
          checked={value === 'PRIVATE'}
          disabled={disabledPrivate}
          onChange={() => onChange('PRIVATE')}
        />
        Private <span className="muted small">— only members see it; owners add members</span>
      </label>
      {disabledPrivate && (
        <p className="muted small">A public group cannot become private: its posts have already been seen by everyone.</p>
      )}
    </fieldset>
  );
}

