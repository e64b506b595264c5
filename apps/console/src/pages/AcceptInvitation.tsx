import { useState, type FormEvent } from "react";
import { ApiError, api, setCsrf } from "../api";
import { go } from "../route";

export function AcceptInvitation({ token, onDone }: { token: string; onDone: () => void }) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await api("POST", "/suite/api/invitations/accept", { token, password });
      setCsrf(r.csrf_token);
      go("inbox");
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Could not reach the server.");
    }
  };
  return (
    <form className="login" onSubmit={submit} aria-labelledby="invite-title">
      <h1 id="invite-title">Welcome to OpenWABA</h1>
      <label>
        Choose a password (at least 10 characters)
        <input
          type="password"
          autoComplete="new-password"
          minLength={10}
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
      <button type="submit">Join</button>
    </form>
  );
}
