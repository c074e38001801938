/** A labelled password input: what the login and password-change forms share. */
export function PasswordField(props: {
  label: string;
  name: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  minLength?: number;
  maxLength?: number;
}) {
  const { label, onChange, ...input } = props;
  return (
    <label>
      {label}
      <input type="password" required {...input} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
