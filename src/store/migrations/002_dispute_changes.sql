-- An accepted dispute becomes a change like a submission: the proposed record with the cell fixed, which
-- the dispute names, so its history entry carries the dispute's evidence and the page links the two.
ALTER TABLE disputes ADD COLUMN submission_id integer REFERENCES submissions(id);
