import { useEffect, useState, type FormEvent } from "react";
import { ApiError, api } from "../api";

export function Login({ onSignedIn }: { onSignedIn: () => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Only the development tenant's own server says where its first admin's password is.
  const [credentialsFile, setCredentialsFile] = useState<string | null>(null);
  useEffect(() => {
    void api<{ dev_credentials_file: string | null }>("GET", "/suite/api/sign-in")
      .then((r) => setCredentialsFile(r.dev_credentials_file))
      .catch(() => undefined);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api("POST", "/suite/api/login", { email, password });
      onSignedIn();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Could not reach the server.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="login" onSubmit={submit} aria-labelledby="login-title">
      <h1 id="login-title">Sign in to OpenWABA</h1>
      <label>
        Email
        <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        Password
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Sign in
      </button>
      {credentialsFile && (
        <p className="hint">
          The first admin's email and password are in <code>{credentialsFile}</code>.
        </p>
      )}
    </form>
  );
}
