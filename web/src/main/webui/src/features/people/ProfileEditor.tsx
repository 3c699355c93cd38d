import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api/client';
import { ErrorNote, useDraft } from '../../shell/ui';
import { ManagerPicker } from './ManagerPicker';
import { customText, fieldText, patchOf, timeZones, type Edits, type FieldSpec } from './profileFields';
import type { CustomField, HeadCount, ProfileView } from './types';

function parseEdits(raw: string): Edits {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Edits) : {};
  } catch {
    return {};
  }
}

/** Names already in use, offered while typing a department or location (HR may still type a new one). */
function useNames(path: string, wanted: boolean): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    api<HeadCount[]>(path)
      .then((list) => live && setNames(list.map((h) => h.name)))
      .catch(() => live && setNames([])); // only suggestions: typing still works without them
    return () => {
      live = false;
    };
  }, [path, wanted]);
  return names;
}

/**
 * A profile's edit form over the given fields. What is typed is kept as a draft in sessionStorage (a sign-in round
 * trip or a reload keeps it); Save sends only what changed, and shows the API's problem detail when refused.
 */
export function ProfileEditor({
  profile,
  fields,
  customFields,
  draftKey,
  onSave,
  onSaved,
  onCancel,
  children,
}: {
  profile: ProfileView;
  fields: FieldSpec[];
  customFields: CustomField[];
  draftKey: string;
  onSave: (patch: Record<string, unknown>) => Promise<ProfileView>;
  onSaved: (saved: ProfileView) => void;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  const [raw, setRaw, clearDraft] = useDraft(draftKey);
  const edits = useMemo(() => parseEdits(raw), [raw]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const idBase = useId();
  const departments = useNames('/api/profiles/departments', fields.some((f) => f.kind === 'department'));
  const locations = useNames('/api/profiles/locations', fields.some((f) => f.kind === 'location'));
  const patch = patchOf(profile, edits, fields, customFields);
  const changed = Object.keys(patch).length > 0;

  const valueOf = (name: string, initial: string) => edits[name] ?? initial;
  const edit = (name: string, text: string) => {
    setStatus('');
    setRaw(JSON.stringify({ ...edits, [name]: text }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!changed) {
      setStatus('Nothing has changed.');
      return;
    }
    setSaving(true);
    setError(null);
    setStatus('');
    try {
      const saved = await onSave(patch);
      clearDraft();
      setStatus('Saved.');
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    clearDraft();
    setError(null);
    setStatus('');
    onCancel?.();
  };

  const fieldId = (name: string) => `${idBase}-${name}`;

  const input = (f: FieldSpec) => {
    const id = fieldId(f.name);
    const value = valueOf(f.name, fieldText(profile, f.name));
    const described = f.hint ? `${id}-hint` : undefined;
    const common = { id, name: f.name, value, 'aria-describedby': described, onChange: (e: { target: { value: string } }) => edit(f.name, e.target.value) };
    switch (f.kind) {
      case 'textarea':
        return <textarea {...common} rows={5} maxLength={f.maxLength} />;
      case 'date':
        return <input {...common} type="date" />;
      case 'status':
        return (
          <select {...common}>
            <option value="ACTIVE">Active</option>
            <option value="LEFT">Left the company</option>
          </select>
        );
      case 'timeZone':
        return (
          <select {...common}>
            <option value="">Not set</option>
            {timeZones(value).map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        );
      case 'department':
      case 'location':
        return (
          <>
            <input {...common} type="text" maxLength={f.maxLength} list={`${id}-names`} autoComplete="off" />
            <datalist id={`${id}-names`}>
              {(f.kind === 'department' ? departments : locations).map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          </>
        );
      case 'manager':
        return <ManagerPicker inputId={id} value={value} personId={profile.id} onChange={(v) => edit(f.name, v)} />;
      case 'list':
        return <input {...common} type="text" autoComplete="off" />;
      default:
        return <input {...common} type={f.kind} maxLength={f.maxLength} autoComplete="off" />;
    }
  };

  const customInput = (c: CustomField) => {
    const name = `custom.${c.key}`;
    const id = fieldId(name);
    const common = { id, name, value: valueOf(name, customText(profile, c.key)), onChange: (e: { target: { value: string } }) => edit(name, e.target.value) };
    switch (c.type) {
      case 'NUMBER':
        return <input {...common} type="number" step="any" />;
      case 'DATE':
        return <input {...common} type="date" />;
      case 'CHOICE':
        return (
          <select {...common}>
            <option value="">Not set</option>
            {(c.choices ?? []).map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        );
      default:
        return <input {...common} type="text" maxLength={500} />;
    }
  };

  return (
    <form className="profile-form" onSubmit={(e) => void submit(e)} noValidate>
      {children}
      <div className="pp-form-grid">
        {fields.map((f) => (
          <div key={f.name} className={f.kind === 'textarea' || f.kind === 'manager' ? 'pp-field pp-wide' : 'pp-field'}>
            <label htmlFor={fieldId(f.name)}>{f.label}</label>
            {input(f)}
            {f.hint && (
              <span id={`${fieldId(f.name)}-hint`} className="small muted">
                {f.hint}
              </span>
            )}
          </div>
        ))}
        {customFields.map((c) => (
          <div key={c.key} className="pp-field">
            <label htmlFor={fieldId(`custom.${c.key}`)}>{c.label}</label>
            {customInput(c)}
          </div>
        ))}
      </div>
      <ErrorNote error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        {(changed || onCancel) && (
          <button type="button" onClick={discard} disabled={saving}>
            {onCancel ? 'Cancel' : 'Discard changes'}
          </button>
        )}
        <span role="status" className="small muted">
          {status}
        </span>
      </div>
    </form>
  );
}
