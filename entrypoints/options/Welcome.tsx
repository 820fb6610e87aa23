/**
 * What someone who has just installed Relay reads first (the background opens this page on install): what
 * Relay is for, that taking part is their choice, what they need to connect and what is recorded.
 */
export function Welcome() {
  return (
    <section aria-labelledby="welcome-heading" class="panel welcome">
      <h2 id="welcome-heading">Welcome to Relay</h2>
      <p>
        Relay helps you share news your company’s communications team has picked, on LinkedIn and X, in your own words.
        Next to the post box it suggests captions with your own tracked link; you change them as you like and press
        Post yourself. Relay never posts for you.
      </p>
      <p>Taking part is up to you: share what you want, when you want. Reminders stay off unless you turn them on.</p>
      <p>
        To start, you need two things from your programme’s organisers: your company’s <strong>server address</strong>{' '}
        and a one-time <strong>invite code</strong>.
      </p>
      <p>
        Relay records what you share, where and when, and how often your links are clicked — not who clicked, and never
        your feed or messages. <a href="#privacy">See everything Relay records</a>.
      </p>
    </section>
  );
}
