import { useState } from 'react';

/** Shown when the service answers 401: the key stays in this tab's sessionStorage only. */
export function ApiKeyForm({ onSubmit, rejected }: { onSubmit: (key: string) => void; rejected: boolean }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="card api-key"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onSubmit(value.trim());
      }}
    >
      <h2>API key required</h2>
      <p>
        The service answered <code>401 Unauthorized</code>. Enter an API key; it is kept in this tab&apos;s session storage and
        sent as the <code>X-API-Key</code> header.
      </p>
      {rejected && <p className="tone-bad">That key was rejected.</p>}
      <label htmlFor="api-key">API key</label>
      <input id="api-key" type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit">Use key</button>
    </form>
  );
}
