-- The store's workflow state: people and their credentials, submissions and their reviews, disputes on
-- cells, the history of approved changes and the audit log. Never a second copy of the ratings: the
-- registry files stay the published truth; an approval produces a change to them.

CREATE TABLE people (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  role        text NOT NULL CHECK (role IN ('submitter', 'reviewer', 'admin')),
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- An API token is shown once; only its scrypt hash is kept. `lookup` is the token's public part, to find the row.
CREATE TABLE tokens (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id   integer NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  lookup      text NOT NULL UNIQUE,
  hash        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

-- A browser session: the cookie holds the secret; the row holds its SHA-256 and the form token (CSRF).
CREATE TABLE sessions (
  id_hash     text PRIMARY KEY,
  person_id   integer NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  csrf        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);

-- A proposed model record. `base_text` is the registry file as it was when the submission was made
-- (NULL for a new model): approval compares it with the file now, and a difference makes it stale.
CREATE TABLE submissions (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  model_id      text NOT NULL,
  record_text   text NOT NULL,
  record        jsonb NOT NULL,
  base_text     text,
  submitted_by  integer REFERENCES people(id),
  verified      boolean NOT NULL,
  address       text,
  comment       text,
  status        text NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'changes_requested', 'approved', 'rejected')),
  stale         boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submissions_queue ON submissions (status, id);
CREATE INDEX submissions_model ON submissions (model_id);

-- Each decision on a submission, with the comment the submitter sees.
CREATE TABLE reviews (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id  integer NOT NULL REFERENCES submissions(id),
  reviewer_id    integer REFERENCES people(id),
  action         text NOT NULL CHECK (action IN ('approve', 'request_changes', 'reject')),
  comment        text,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- "This cell is wrong": which cell, what is wrong, the evidence; resolved with a public reason.
CREATE TABLE disputes (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  model_id     text NOT NULL,
  component    text NOT NULL,
  message      text NOT NULL,
  evidence     jsonb NOT NULL DEFAULT '[]',
  opened_by    integer REFERENCES people(id),
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
  reason       text,
  resolved_by  integer REFERENCES people(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  resolved_at  timestamptz
);
CREATE INDEX disputes_model ON disputes (model_id, status);

-- An approved change to a registry file. The row commits first; `written_at` is set once the file is
-- written, so a crash between the two is repaired at start by writing every row that lacks it.
CREATE TABLE history (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  model_id       text NOT NULL,
  submission_id  integer REFERENCES submissions(id),
  before_text    text,
  after_text     text NOT NULL,
  author_id      integer REFERENCES people(id),
  reason         text,
  evidence       jsonb NOT NULL DEFAULT '[]',
  created_at     timestamptz NOT NULL DEFAULT now(),
  written_at     timestamptz
);
CREATE INDEX history_model ON history (model_id, id);

-- Every write, by whom and from where.
CREATE TABLE audit_log (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  actor_id   integer REFERENCES people(id),
  address    text,
  action     text NOT NULL,
  target     text,
  detail     jsonb NOT NULL DEFAULT '{}'
);
